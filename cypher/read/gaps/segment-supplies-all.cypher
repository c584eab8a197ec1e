// read/gaps/segment-supplies-all: as read/gaps/segment-supplies for the scope "every local enterprise" (no area given): SUPPLIES from an enterprise OPERATES_IN a segment of $segmentIds into a buyer with local = true, located in an area or not; params $segmentIds, $idLimit, $minShare
UNWIND $segmentIds AS segmentId
MATCH (s:Segment {id: segmentId})<-[:OPERATES_IN]-(x:Enterprise)-[r:SUPPLIES]->(b:Enterprise)
WHERE b.local = true
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
