// write/dump/rel-baseline-of-baseline-target: create BASELINE_OF relationships from Baseline to Target (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Baseline {id: r.start})
MATCH (b:Target {id: r.end})
CREATE (a)-[x:BASELINE_OF]->(b)
SET x = r.properties
