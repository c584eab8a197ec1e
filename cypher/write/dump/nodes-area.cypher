// write/dump/nodes-area: create Area nodes from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
CREATE (n:Area)
SET n = r.properties
