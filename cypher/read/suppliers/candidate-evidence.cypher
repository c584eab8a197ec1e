// read/suppliers/candidate-evidence: for the candidates $ids of the targets $segmentIds (a page of the ranking), what their reasons and highlighted path show: names, the segments that make each a candidate (fits, in the order of its OPERATES_IN, with the shared downstream segments of a sibling) and every SUPPLIES to a local enterprise (one entry per Area it is LOCATED_IN; the caller scopes them); the buyers like the local ones are candidate-peer-evidence's (the projection holds them); params $segmentIds, $ids
MATCH (x:Enterprise)
WHERE x.id IN $ids AND coalesce(x.local, false) = false
// DISTINCT keeps the candidates the anchor: without it Neo4j starts from the target and expands all its members (4k at tier M)
WITH DISTINCT x
MATCH (x)-[o:OPERATES_IN]->(via:Segment)-[:FEEDS*0..1]->(:Segment)<-[:FEEDS*0..1]-(t:Segment)
WHERE t.id IN $segmentIds AND (via.id = t.id OR EXISTS { (via)-[:FEEDS]->(:Segment)<-[:FEEDS]-(t) })
WITH x, collect(DISTINCT {segmentId: via.id, segmentName: via.name, segmentNameEn: via.nameEn, role: o.role, targetId: t.id, direct: via.id = t.id,
                 downstreamIds: [(via)-[:FEEDS]->(d:Segment)<-[:FEEDS]-(t) WHERE via.id <> t.id | d.id]}) AS fits
RETURN x.id AS id, x.name AS name, x.shortName AS shortName, x.uscc AS uscc, x.province AS province, x.city AS city,
       x.sample AS sample, fits,
       [(x)-[r:SUPPLIES]->(b:Enterprise)-[:LOCATED_IN]->(a:Area) WHERE b.local = true
          | {supplyId: elementId(r), id: b.id, name: b.name, share: r.share, product: r.product, areaId: a.id}] AS localBuyers
