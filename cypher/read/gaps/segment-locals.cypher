// read/gaps/segment-locals: per segment of $segmentIds, the local enterprises OPERATES_IN it and LOCATED_IN one of $areaIds: count, Σ known output and how many outputs are known, leaders (OPERATES_IN role leader or tag 链主), the ids of the largest (by output, at most $limit of each list), and their SUPPLIES into local buyers LOCATED_IN one of $areaIds (the "inside" supplies: count, Σ share, the ids of the enterprises that have any); params $areaIds, $segmentIds, $limit
UNWIND $areaIds AS areaId
MATCH (ea:Area {id: areaId})<-[:LOCATED_IN]-(e:Enterprise)-[o:OPERATES_IN]->(s:Segment)
WHERE e.local = true AND s.id IN $segmentIds
WITH s, e, o,
     [(e)-[r:SUPPLIES]->(b:Enterprise)-[:LOCATED_IN]->(ba:Area) WHERE b.local = true AND ba.id IN $areaIds | coalesce(r.share, 0)] AS sold
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
