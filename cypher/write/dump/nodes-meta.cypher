// write/dump/nodes-meta: create Meta nodes from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
CREATE (n:Meta)
SET n = r.properties
