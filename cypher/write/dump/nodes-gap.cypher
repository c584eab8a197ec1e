// write/dump/nodes-gap: create Gap nodes from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
CREATE (n:Gap)
SET n = r.properties
