// write/dump/rel-measures-target-chain: create MEASURES relationships from Target to Chain (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Target {id: r.start})
MATCH (b:Chain {id: r.end})
CREATE (a)-[x:MEASURES]->(b)
SET x = r.properties
