// write/dump/nodes-project: create Project nodes from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
CREATE (n:Project)
SET n = r.properties
