// read/suppliers/demand-segments: the segments that take the output of the targets $segmentIds: the targets themselves and every segment a target FEEDS, with names (Chinese and English); params $segmentIds
MATCH (t:Segment)-[:FEEDS*0..1]->(d:Segment)
WHERE t.id IN $segmentIds
RETURN DISTINCT d.id AS segmentId, d.name AS name, d.nameEn AS nameEn
