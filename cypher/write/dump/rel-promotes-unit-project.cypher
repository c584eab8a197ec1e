// write/dump/rel-promotes-unit-project: create PROMOTES relationships from Unit to Project (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Unit {id: r.start})
MATCH (b:Project {id: r.end})
CREATE (a)-[x:PROMOTES]->(b)
SET x = r.properties
