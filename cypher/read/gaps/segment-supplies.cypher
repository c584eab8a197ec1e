// read/gaps/segment-supplies: per segment of $segmentIds, every SUPPLIES from an enterprise OPERATES_IN it into a local buyer LOCATED_IN one of $areaIds, aggregated: count, Σ share, distinct buyers and suppliers (counts, and at most $idLimit ids), and the supplies with share ≥ $minShare as evidence candidates [from, to, share]; params $areaIds, $segmentIds, $idLimit, $minShare
UNWIND $areaIds AS areaId
// two patterns: Grafeo then seeks the segments by id and hash-joins on x (one pattern expands OPERATES_IN per supply)
MATCH (ba:Area {id: areaId})<-[:LOCATED_IN]-(b:Enterprise)<-[r:SUPPLIES]-(x:Enterprise),
      (x)-[:OPERATES_IN]->(s:Segment)
WHERE b.local = true AND s.id IN $segmentIds
// ordered before collecting, so the capped id lists are the same on every engine
WITH s, r, b, x
ORDER BY x.id, b.id
WITH s,
     count(r) AS supplyCount,
     sum(coalesce(r.share, 0)) AS totalShare,
     collect(DISTINCT b.id) AS buyerIds,
     collect(DISTINCT x.id) AS supplierIds,
     collect(CASE WHEN r.share >= $minShare THEN [x.id, b.id, r.share] END) AS candidates
RETURN s.id AS segmentId, supplyCount, totalShare,
       size(buyerIds) AS buyerCount, buyerIds[0..$idLimit] AS buyerIds,
       size(supplierIds) AS supplierCount, supplierIds[0..$idLimit] AS supplierIds,
       [c IN candidates WHERE c IS NOT NULL] AS candidates
