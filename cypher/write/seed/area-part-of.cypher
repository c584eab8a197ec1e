// write/seed/area-part-of: Area PART_OF Area (a place inside a larger one); params $rows
UNWIND $rows AS r
MATCH (a:Area {id: r.from})
MATCH (b:Area {id: r.to})
MERGE (a)-[p:PART_OF]->(b)
SET p.source = r.source, p.sourceText = r.sourceText
