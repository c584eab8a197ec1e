// read/suppliers/candidate-facts: one row per candidate for the targets $segmentIds: external enterprises (local false or missing) operating in a target or in a sibling segment (one that FEEDS the same downstream segment), with the name, scale, tags, 链主 role, number of SUPPLIES to any enterprise, and whether one of its segments is a target itself (the scoring facts, not the evidence); sibling segments first, then their enterprises; params $segmentIds
MATCH (t:Segment)-[:FEEDS*0..1]->(:Segment)<-[:FEEDS*0..1]-(via:Segment)
WHERE t.id IN $segmentIds
  AND (via.id = t.id OR EXISTS { (via)-[:FEEDS]->(:Segment)<-[:FEEDS]-(t) })
WITH DISTINCT t, via
MATCH (via)<-[:OPERATES_IN]-(x:Enterprise)
WHERE coalesce(x.local, false) = false
WITH x, max(CASE WHEN via.id = t.id THEN 1 ELSE 0 END) AS direct
RETURN x.id AS id, x.name AS name, x.region AS region, x.output AS output, x.aboveScale AS aboveScale, coalesce(x.tags, []) AS tags,
       direct = 1 AS direct,
       size([(x)-[:OPERATES_IN {role: 'leader'}]->(ls:Segment) | ls.id]) > 0 AS leaderRole,
       size([(x)-[:SUPPLIES]->(c:Enterprise) | c.id]) AS customers
