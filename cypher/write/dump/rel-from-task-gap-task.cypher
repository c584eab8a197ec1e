// write/dump/rel-from-task-gap-task: create FROM_TASK relationships from Gap to Task (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Gap {id: r.start})
MATCH (b:Task {id: r.end})
CREATE (a)-[x:FROM_TASK]->(b)
SET x = r.properties
