// write/dump/rel-belongs-to-unit-area: create BELONGS_TO relationships from Unit to Area (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Unit {id: r.start})
MATCH (b:Area {id: r.end})
CREATE (a)-[x:BELONGS_TO]->(b)
SET x = r.properties
