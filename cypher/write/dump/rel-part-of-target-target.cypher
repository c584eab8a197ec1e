// write/dump/rel-part-of-target-target: create PART_OF relationships from Target to Target (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Target {id: r.start})
MATCH (b:Target {id: r.end})
CREATE (a)-[x:PART_OF]->(b)
SET x = r.properties
