// write/dump/nodes-projectevent: create ProjectEvent nodes from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
CREATE (n:ProjectEvent)
SET n = r.properties
