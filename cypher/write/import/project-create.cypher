// write/import/project-create: create Project nodes new to the store (the plan read every existing id in the same transaction); params $rows
UNWIND $rows AS r
CREATE (p:Project {id: r.id})
SET p += r.props
