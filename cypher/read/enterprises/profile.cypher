// read/enterprises/profile: enterprises with the given ids (in that order) with their area, segments (role, chains), suppliers and customers; params $ids
UNWIND range(0, size($ids) - 1) AS i
MATCH (e:Enterprise {id: $ids[i]})
CALL (e) {
  MATCH (e)-[:LOCATED_IN]->(a:Area)
  RETURN collect({id: a.id, name: a.name, nameEn: a.nameEn, level: a.level, local: a.local}) AS areas
}
CALL (e) {
  MATCH (e)-[o:OPERATES_IN]->(s:Segment)
  OPTIONAL MATCH (c:Chain)-[:HAS_SEGMENT]->(s)
  WITH o, s, collect(c.id) AS chainIds
  RETURN collect({role: o.role, id: s.id, name: s.name, nameEn: s.nameEn, stage: s.stage, chainIds: chainIds}) AS segments
}
CALL (e) {
  MATCH (x:Enterprise)-[r:SUPPLIES]->(e)
  RETURN collect({id: x.id, name: x.name, shortName: x.shortName, local: x.local, region: x.region, product: r.product, share: r.share}) AS suppliers
}
CALL (e) {
  MATCH (e)-[r:SUPPLIES]->(x:Enterprise)
  RETURN collect({id: x.id, name: x.name, shortName: x.shortName, local: x.local, region: x.region, product: r.product, share: r.share}) AS customers
}
RETURN e.id AS id, e.name AS name, e.shortName AS shortName, e.uscc AS uscc, e.local AS local, e.region AS region,
       e.province AS province, e.city AS city, e.district AS district, e.industryCode AS industryCode, e.businessScope AS businessScope, e.mainProducts AS mainProducts, e.output AS output, e.aboveScale AS aboveScale, e.tags AS tags,
       e.founded AS founded, e.origin AS origin, e.sample AS sample, areas, segments, suppliers, customers
ORDER BY i
