// read/suppliers/segment-locals: per Segment, the local enterprises (local true, LOCATED_IN an Area of $areaIds, or any Area when null) that OPERATE_IN it, and how many of them are a 链主 there (role leader or tag 链主); segments without any are not listed; params $areaIds
MATCH (seg:Segment)<-[lo:OPERATES_IN]-(l:Enterprise)-[:LOCATED_IN]->(a:Area)
WHERE l.local = true AND ($areaIds IS NULL OR a.id IN $areaIds)
WITH seg, lo, l
ORDER BY l.id
RETURN seg.id AS segmentId, collect(l.id) AS localIds,
       count(CASE WHEN lo.role = 'leader' OR '链主' IN coalesce(l.tags, []) THEN 1 END) AS leaders
