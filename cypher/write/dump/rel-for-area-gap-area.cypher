// write/dump/rel-for-area-gap-area: create FOR_AREA relationships from Gap to Area (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Gap {id: r.start})
MATCH (b:Area {id: r.end})
CREATE (a)-[x:FOR_AREA]->(b)
SET x = r.properties
