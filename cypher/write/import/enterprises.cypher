// write/import/enterprises: create or update Enterprise nodes by id, setting only the properties the file gives (props); params $rows
UNWIND $rows AS r
MERGE (e:Enterprise {id: r.id})
SET e += r.props
