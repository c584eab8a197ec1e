// write/dump/rel-has-task-action-task: create HAS_TASK relationships from Action to Task (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Action {id: r.start})
MATCH (b:Task {id: r.end})
CREATE (a)-[x:HAS_TASK]->(b)
SET x = r.properties
