// write/dump/rel-measures-target-area: create MEASURES relationships from Target to Area (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Target {id: r.start})
MATCH (b:Area {id: r.end})
CREATE (a)-[x:MEASURES]->(b)
SET x = r.properties
