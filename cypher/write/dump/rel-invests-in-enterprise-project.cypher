// write/dump/rel-invests-in-enterprise-project: create INVESTS_IN relationships from Enterprise to Project (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Enterprise {id: r.start})
MATCH (b:Project {id: r.end})
CREATE (a)-[x:INVESTS_IN]->(b)
SET x = r.properties
