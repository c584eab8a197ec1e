// write/import/project-update: set changed properties of existing Projects (a null value removes one); params $rows
UNWIND $rows AS r
MATCH (p:Project {id: r.id})
SET p += r.props
