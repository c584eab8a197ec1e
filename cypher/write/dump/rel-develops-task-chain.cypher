// write/dump/rel-develops-task-chain: create DEVELOPS relationships from Task to Chain (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Task {id: r.start})
MATCH (b:Chain {id: r.end})
CREATE (a)-[x:DEVELOPS]->(b)
SET x = r.properties
