// write/dump/rel-in-area-project-area: create IN_AREA relationships from Project to Area (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Project {id: r.start})
MATCH (b:Area {id: r.end})
CREATE (a)-[x:IN_AREA]->(b)
SET x = r.properties
