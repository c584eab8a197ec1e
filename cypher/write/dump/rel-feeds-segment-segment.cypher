// write/dump/rel-feeds-segment-segment: create FEEDS relationships from Segment to Segment (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Segment {id: r.start})
MATCH (b:Segment {id: r.end})
CREATE (a)-[x:FEEDS]->(b)
SET x = r.properties
