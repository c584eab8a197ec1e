// write/dump/rel-event-of-projectevent-project: create EVENT_OF relationships from ProjectEvent to Project (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:ProjectEvent {id: r.start})
MATCH (b:Project {id: r.end})
CREATE (a)-[x:EVENT_OF]->(b)
SET x = r.properties
