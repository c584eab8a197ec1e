// write/dump/rel-supports-unit-task: create SUPPORTS relationships from Unit to Task (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Unit {id: r.start})
MATCH (b:Task {id: r.end})
CREATE (a)-[x:SUPPORTS]->(b)
SET x = r.properties
