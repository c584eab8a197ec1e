// write/dump/rel-responsible-for-unit-gap: create RESPONSIBLE_FOR relationships from Unit to Gap (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Unit {id: r.start})
MATCH (b:Gap {id: r.end})
CREATE (a)-[x:RESPONSIBLE_FOR]->(b)
SET x = r.properties
