// write/dump/rel-at-project-segment: create AT relationships from Project to Segment (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Project {id: r.start})
MATCH (b:Segment {id: r.end})
CREATE (a)-[x:AT]->(b)
SET x = r.properties
