// write/import/feeds: Segment FEEDS Segment (input to output) for imported segments; params $rows
UNWIND $rows AS r
MATCH (a:Segment {id: r.source})
MATCH (b:Segment {id: r.target})
MERGE (a)-[f:FEEDS]->(b)
SET f.origin = coalesce(f.origin, r.origin)
