// write/dump/nodes-task: create Task nodes from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
CREATE (n:Task)
SET n = r.properties
