// write/dump/rel-in-park-project-park: create IN_PARK relationships from Project to Park (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Project {id: r.start})
MATCH (b:Park {id: r.end})
CREATE (a)-[x:IN_PARK]->(b)
SET x = r.properties
