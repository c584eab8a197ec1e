// write/dump/nodes-unit: create Unit nodes from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
CREATE (n:Unit)
SET n = r.properties
