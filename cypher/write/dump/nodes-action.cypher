// write/dump/nodes-action: create Action nodes from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
CREATE (n:Action)
SET n = r.properties
