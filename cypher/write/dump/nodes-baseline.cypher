// write/dump/nodes-baseline: create Baseline nodes from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
CREATE (n:Baseline)
SET n = r.properties
