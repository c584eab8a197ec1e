// read/suppliers/candidate-peer-buyers: for the candidates of the targets $segmentIds (as read/suppliers/candidate-facts), how many distinct non-local buyers each SUPPLIES that operate in a segment where local enterprises of the area scope operate ($localSegments: a map from such segment ids to true, from read/suppliers/segment-locals); candidates with none are not listed; params $segmentIds, $localSegments
MATCH (t:Segment)-[:FEEDS*0..1]->(:Segment)<-[:FEEDS*0..1]-(via:Segment)
WHERE t.id IN $segmentIds
  AND (via.id = t.id OR EXISTS { (via)-[:FEEDS]->(:Segment)<-[:FEEDS]-(t) })
WITH DISTINCT via
MATCH (via)<-[:OPERATES_IN]-(x:Enterprise)-[:SUPPLIES]->(b:Enterprise)-[:OPERATES_IN]->(seg:Segment)
WHERE coalesce(x.local, false) = false AND coalesce(b.local, false) = false AND $localSegments[seg.id] = true
RETURN x.id AS id, count(DISTINCT b) AS peerBuyers
