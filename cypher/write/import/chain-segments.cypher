// write/import/chain-segments: Chain HAS_SEGMENT Segment for imported segments; params $rows
UNWIND $rows AS r
MATCH (c:Chain {id: r.chain})
MATCH (s:Segment {id: r.segment})
MERGE (c)-[h:HAS_SEGMENT]->(s)
SET h.origin = coalesce(h.origin, r.origin)
