// write/dump/rel-leads-unit-task: create LEADS relationships from Unit to Task (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Unit {id: r.start})
MATCH (b:Task {id: r.end})
CREATE (a)-[x:LEADS]->(b)
SET x = r.properties
