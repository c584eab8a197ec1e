// write/import/chains: create or update Chain nodes by id, setting only the properties the file gives; params $rows
UNWIND $rows AS r
MERGE (c:Chain {id: r.id})
SET c += r.props
