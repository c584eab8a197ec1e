// read/suppliers/candidate-peer-buyers: for the candidates of the targets $segmentIds (as read/suppliers/candidate-facts), per segment of the local demand ($demandSegments: a map from segment ids to true), how many distinct buyers each SUPPLIES that are like the local buyers: operating in that segment and not local enterprises LOCATED_IN an Area of $areaIds (when $areaIds is null: not local at all); split by whether the buyer is a local enterprise (near: local true, in another Area than the scope's) or not; (candidate, segment) pairs with none are not listed; params $segmentIds, $demandSegments, $areaIds
MATCH (t:Segment)-[:FEEDS*0..1]->(:Segment)<-[:FEEDS*0..1]-(via:Segment)
WHERE t.id IN $segmentIds
  AND (via.id = t.id OR EXISTS { (via)-[:FEEDS]->(:Segment)<-[:FEEDS]-(t) })
WITH DISTINCT via
MATCH (via)<-[:OPERATES_IN]-(x:Enterprise)-[:SUPPLIES]->(b:Enterprise)-[:OPERATES_IN]->(seg:Segment)
WHERE coalesce(x.local, false) = false AND $demandSegments[seg.id] = true
  AND NOT (b.local = true AND ($areaIds IS NULL OR EXISTS { (b)-[:LOCATED_IN]->(a:Area) WHERE a.id IN $areaIds }))
RETURN x.id AS id, seg.id AS segmentId, coalesce(b.local, false) AS near, count(DISTINCT b) AS peerBuyers
