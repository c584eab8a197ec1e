// write/dump/rel-at-gap-segment: create AT relationships from Gap to Segment (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Gap {id: r.start})
MATCH (b:Segment {id: r.end})
CREATE (a)-[x:AT]->(b)
SET x = r.properties
