// write/dump/rel-located-in-enterprise-area: create LOCATED_IN relationships from Enterprise to Area (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Enterprise {id: r.start})
MATCH (b:Area {id: r.end})
CREATE (a)-[x:LOCATED_IN]->(b)
SET x = r.properties
