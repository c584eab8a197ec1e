// read/suppliers/candidate-local-buyers: for the candidates of the targets $segmentIds (as read/suppliers/candidate-facts), how many SUPPLIES each has to local enterprises LOCATED_IN an Area of $areaIds (any Area when null); candidates with none are not listed; params $segmentIds, $areaIds
MATCH (t:Segment)-[:FEEDS*0..1]->(:Segment)<-[:FEEDS*0..1]-(via:Segment)
WHERE t.id IN $segmentIds
  AND (via.id = t.id OR EXISTS { (via)-[:FEEDS]->(:Segment)<-[:FEEDS]-(t) })
WITH DISTINCT via
MATCH (via)<-[:OPERATES_IN]-(x:Enterprise)-[r:SUPPLIES]->(b:Enterprise)-[:LOCATED_IN]->(a:Area)
WHERE coalesce(x.local, false) = false AND b.local = true AND ($areaIds IS NULL OR a.id IN $areaIds)
RETURN x.id AS id, count(DISTINCT elementId(r)) AS localBuyers
