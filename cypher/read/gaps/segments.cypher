// read/gaps/segments: the segments of a chain (every chain when $chainId is null) and their FEEDS neighbours, with their chains and FEEDS links; no enterprises (see segment-locals, segment-supplies); params $chainId
MATCH (s:Segment)
WHERE $chainId IS NULL
   OR EXISTS { (:Chain {id: $chainId})-[:HAS_SEGMENT]->(s) }
   OR EXISTS { (:Chain {id: $chainId})-[:HAS_SEGMENT]->(:Segment)-[:FEEDS]-(s) }
RETURN s.id AS id, s.name AS name, s.nameEn AS nameEn, s.stage AS stage,
       [(c:Chain)-[:HAS_SEGMENT]->(s) | c.id] AS chainIds,
       [(u:Segment)-[:FEEDS]->(s) | u.id] AS feedsFrom,
       [(s)-[:FEEDS]->(t:Segment) | t.id] AS feedsTo
ORDER BY id
