// write/dump/rel-in-area-park-area: create IN_AREA relationships from Park to Area (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Park {id: r.start})
MATCH (b:Area {id: r.end})
CREATE (a)-[x:IN_AREA]->(b)
SET x = r.properties
