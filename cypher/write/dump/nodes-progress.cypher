// write/dump/nodes-progress: create Progress nodes from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
CREATE (n:Progress)
SET n = r.properties
