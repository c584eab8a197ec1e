// write/dump/rel-records-progress-target: create RECORDS relationships from Progress to Target (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Progress {id: r.start})
MATCH (b:Target {id: r.end})
CREATE (a)-[x:RECORDS]->(b)
SET x = r.properties
