// write/seed/feeds: Segment FEEDS Segment (input to output); params $rows
UNWIND $rows AS r
MATCH (a:Segment {id: r.from})
MATCH (b:Segment {id: r.to})
MERGE (a)-[f:FEEDS]->(b)
SET f.fromPlan = r.fromPlan, f.note = r.note, f.source = r.source, f.sourceText = r.sourceText
