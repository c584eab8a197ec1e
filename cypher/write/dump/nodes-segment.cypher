// write/dump/nodes-segment: create Segment nodes from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
CREATE (n:Segment)
SET n = r.properties
