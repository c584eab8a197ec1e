// write/import/areas: create or update Area nodes by id, setting only the properties the file gives; params $rows
UNWIND $rows AS r
MERGE (a:Area {id: r.id})
SET a += r.props
