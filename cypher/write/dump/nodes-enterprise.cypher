// write/dump/nodes-enterprise: create Enterprise nodes from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
CREATE (n:Enterprise)
SET n = r.properties
