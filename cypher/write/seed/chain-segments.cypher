// write/seed/chain-segments: Chain HAS_SEGMENT Segment; params $rows
UNWIND $rows AS r
MATCH (c:Chain {id: r.chain})
MATCH (s:Segment {id: r.segment})
MERGE (c)-[h:HAS_SEGMENT]->(s)
SET h.source = r.source, h.sourceText = r.sourceText
