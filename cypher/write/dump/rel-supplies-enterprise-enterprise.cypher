// write/dump/rel-supplies-enterprise-enterprise: create SUPPLIES relationships from Enterprise to Enterprise (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Enterprise {id: r.start})
MATCH (b:Enterprise {id: r.end})
CREATE (a)-[x:SUPPLIES]->(b)
SET x = r.properties
