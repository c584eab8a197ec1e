// read/gaps/segment-facts: per segment of a chain (all chains when $chainId is null) and its FEEDS neighbours, the local enterprises of the area scope ($areaId, or every local area when null) and the SUPPLIES into local buyers from enterprises of the segment; params $chainId, $areaId
MATCH (s:Segment)
WHERE $chainId IS NULL
   OR EXISTS { (:Chain {id: $chainId})-[:HAS_SEGMENT]->(s) }
   OR EXISTS { (:Chain {id: $chainId})-[:HAS_SEGMENT]->(:Segment)-[:FEEDS]-(s) }
CALL (s) {
  OPTIONAL MATCH (e:Enterprise)-[o:OPERATES_IN]->(s)
  WHERE e.local = true
    AND EXISTS { (e)-[:LOCATED_IN]->(:Area)-[:PART_OF*0..4]->(a:Area) WHERE $areaId IS NULL OR a.id = $areaId }
  RETURN collect(CASE WHEN e IS NULL THEN null
                 ELSE {id: e.id, name: e.name, output: e.output, role: o.role,
                       leader: o.role = 'leader' OR '链主' IN coalesce(e.tags, [])} END) AS locals
}
CALL (s) {
  OPTIONAL MATCH (s)<-[:OPERATES_IN]-(x:Enterprise)-[r:SUPPLIES]->(b:Enterprise)
  WHERE b.local = true
    AND EXISTS { (b)-[:LOCATED_IN]->(:Area)-[:PART_OF*0..4]->(a:Area) WHERE $areaId IS NULL OR a.id = $areaId }
  WITH x, r, b,
       x.local = true AND EXISTS { (x)-[:LOCATED_IN]->(:Area)-[:PART_OF*0..4]->(a:Area) WHERE $areaId IS NULL OR a.id = $areaId } AS inside
  RETURN collect(CASE WHEN r IS NULL THEN null
                 ELSE {from: x.id, fromName: x.name, to: b.id, toName: b.name, share: r.share, product: r.product, inside: inside} END) AS supplies
}
RETURN s.id AS id, s.name AS name, s.nameEn AS nameEn, s.stage AS stage,
       [(c:Chain)-[:HAS_SEGMENT]->(s) | c.id] AS chainIds,
       [(u:Segment)-[:FEEDS]->(s) | u.id] AS feedsFrom,
       [(s)-[:FEEDS]->(t:Segment) | t.id] AS feedsTo,
       locals, supplies
ORDER BY id
