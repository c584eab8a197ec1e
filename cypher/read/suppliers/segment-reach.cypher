// read/suppliers/segment-reach: how widely each segment of $demandSegments (a map from segment ids to true) buys what the targets $segmentIds make: per segment, the distinct enterprises operating in it that an external enterprise (local false or missing) operating in a target SUPPLIES, and how many OPERATES_IN it has (its enterprises); with names (Chinese and English); segments no such enterprise supplies are not listed; params $segmentIds, $demandSegments
MATCH (t:Segment)<-[:OPERATES_IN]-(x:Enterprise)-[:SUPPLIES]->(b:Enterprise)-[:OPERATES_IN]->(d:Segment)
WHERE t.id IN $segmentIds AND coalesce(x.local, false) = false AND $demandSegments[d.id] = true
WITH d, count(DISTINCT b) AS buyers
RETURN d.id AS segmentId, d.name AS name, d.nameEn AS nameEn, buyers, size([(d)<-[:OPERATES_IN]-(m:Enterprise) | m.id]) AS members
