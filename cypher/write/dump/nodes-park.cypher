// write/dump/nodes-park: create Park nodes from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
CREATE (n:Park)
SET n = r.properties
