// read/suppliers/supplier-candidate-facts: external enterprises (local false) operating in the target segments or in segments that FEED the same downstream segment, with the facts their ranking uses (local buyers in the area scope, buyers competing with local enterprises, scale, tags, 链主 role); params $segmentIds, $areaId
MATCH (t:Segment)
WHERE t.id IN $segmentIds
MATCH (x:Enterprise)-[o:OPERATES_IN]->(via:Segment)
WHERE coalesce(x.local, false) = false
  AND (via.id = t.id OR EXISTS { (via)-[:FEEDS]->(:Segment)<-[:FEEDS]-(t) })
OPTIONAL MATCH (via)-[:FEEDS]->(d:Segment)<-[:FEEDS]-(t)
WHERE via.id <> t.id
WITH x, via, o, t, collect(DISTINCT d.id) AS downstreamIds
WITH x, collect({segmentId: via.id, segmentName: via.name, role: o.role, targetId: t.id, direct: via.id = t.id,
                 downstreamIds: downstreamIds}) AS fits
CALL (x) {
  OPTIONAL MATCH (x)-[r:SUPPLIES]->(b:Enterprise)
  WHERE b.local = true
    AND EXISTS { (b)-[:LOCATED_IN]->(:Area)-[:PART_OF*0..4]->(a:Area) WHERE $areaId IS NULL OR a.id = $areaId }
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {id: b.id, name: b.name, share: r.share, product: r.product} END) AS localBuyers
}
CALL (x) {
  OPTIONAL MATCH (x)-[:SUPPLIES]->(b:Enterprise)-[:OPERATES_IN]->(seg:Segment)<-[lo:OPERATES_IN]-(l:Enterprise)
  WHERE l.local = true AND b.id <> l.id AND coalesce(b.local, false) = false
    AND EXISTS { (l)-[:LOCATED_IN]->(:Area)-[:PART_OF*0..4]->(a:Area) WHERE $areaId IS NULL OR a.id = $areaId }
  RETURN collect(CASE WHEN b IS NULL THEN null
                 ELSE {buyerId: b.id, buyerName: b.name, segmentId: seg.id, localId: l.id, localName: l.name,
                       localLeader: lo.role = 'leader' OR '链主' IN coalesce(l.tags, [])} END) AS peers
}
RETURN x.id AS id, x.name AS name, x.shortName AS shortName, x.uscc AS uscc, x.region AS region, x.province AS province,
       x.city AS city, x.output AS output, x.aboveScale AS aboveScale, coalesce(x.tags, []) AS tags, x.sample AS sample,
       EXISTS { (x)-[:OPERATES_IN {role: 'leader'}]->(:Segment) } AS leaderRole,
       [(x)-[lr:OPERATES_IN {role: 'leader'}]->(ls:Segment) | ls.id] AS leaderSegmentIds,
       fits, localBuyers, peers
ORDER BY id
