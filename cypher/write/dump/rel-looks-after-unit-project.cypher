// write/dump/rel-looks-after-unit-project: create LOOKS_AFTER relationships from Unit to Project (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Unit {id: r.start})
MATCH (b:Project {id: r.end})
CREATE (a)-[x:LOOKS_AFTER]->(b)
SET x = r.properties
