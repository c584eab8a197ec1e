// read/gaps/segment-locals-all: as read/gaps/segment-locals for the scope "every local enterprise" (no area given): enterprises with local = true OPERATES_IN a segment of $segmentIds, located in an area or not, and their SUPPLIES into local buyers; params $segmentIds, $limit
UNWIND $segmentIds AS segmentId
MATCH (s:Segment {id: segmentId})<-[o:OPERATES_IN]-(e:Enterprise)
WHERE e.local = true
WITH s, e, o,
     [(e)-[r:SUPPLIES]->(b:Enterprise) WHERE b.local = true | coalesce(r.share, 0)] AS sold
ORDER BY coalesce(e.output, 0) DESC, e.id
WITH s,
     count(e) AS localCount,
     sum(coalesce(e.output, 0)) AS localOutput,
     count(e.output) AS outputKnownCount,
     collect(e.id) AS ids,
     collect(CASE WHEN o.role = 'leader' OR '链主' IN coalesce(e.tags, []) THEN e.id END) AS leaders,
     sum(size(sold)) AS insideCount,
     sum(reduce(acc = 0.0, x IN sold | acc + x)) AS insideShare,
     collect(CASE WHEN size(sold) > 0 THEN e.id END) AS insiders
WITH s, localCount, localOutput, outputKnownCount, ids, [id IN leaders WHERE id IS NOT NULL] AS leaderList, insideCount, insideShare, insiders
RETURN s.id AS segmentId, localCount, localOutput, outputKnownCount, ids[0..$limit] AS localEnterpriseIds,
       size(leaderList) AS leaderCount, leaderList[0..$limit] AS leaderIds,
       insideCount, insideShare, [id IN insiders WHERE id IS NOT NULL] AS insideSupplierIds
