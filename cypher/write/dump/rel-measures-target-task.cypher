// write/dump/rel-measures-target-task: create MEASURES relationships from Target to Task (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Target {id: r.start})
MATCH (b:Task {id: r.end})
CREATE (a)-[x:MEASURES]->(b)
SET x = r.properties
