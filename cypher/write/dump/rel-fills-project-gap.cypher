// write/dump/rel-fills-project-gap: create FILLS relationships from Project to Gap (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Project {id: r.start})
MATCH (b:Gap {id: r.end})
CREATE (a)-[x:FILLS]->(b)
SET x = r.properties
