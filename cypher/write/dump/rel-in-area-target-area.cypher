// write/dump/rel-in-area-target-area: create IN_AREA relationships from Target to Area (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Target {id: r.start})
MATCH (b:Area {id: r.end})
CREATE (a)-[x:IN_AREA]->(b)
SET x = r.properties
