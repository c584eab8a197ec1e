// write/dump/rel-operates-in-enterprise-segment: create OPERATES_IN relationships from Enterprise to Segment (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Enterprise {id: r.start})
MATCH (b:Segment {id: r.end})
CREATE (a)-[x:OPERATES_IN]->(b)
SET x = r.properties
