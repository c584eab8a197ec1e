// write/dump/rel-part-of-area-area: create PART_OF relationships from Area to Area (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Area {id: r.start})
MATCH (b:Area {id: r.end})
CREATE (a)-[x:PART_OF]->(b)
SET x = r.properties
