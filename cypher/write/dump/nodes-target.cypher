// write/dump/nodes-target: create Target nodes from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
CREATE (n:Target)
SET n = r.properties
