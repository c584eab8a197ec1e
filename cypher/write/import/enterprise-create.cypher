// write/import/enterprise-create: create Enterprise nodes new to the store (the plan read every existing id in the same transaction), without an area; params $rows
UNWIND $rows AS r
CREATE (e:Enterprise {id: r.id})
SET e += r.props
