// read/chain-overview: segments of one chain (or all when $chainId is null) with their chains and FEEDS targets; params $chainId
MATCH (c:Chain)-[:HAS_SEGMENT]->(s:Segment)
WHERE $chainId IS NULL OR c.id = $chainId
WITH s, collect(DISTINCT c.id) AS chainIds
RETURN s.id AS id, s.name AS name, s.nameEn AS nameEn, s.stage AS stage, chainIds,
       [(s)-[:FEEDS]->(t:Segment) | t.id] AS feeds
ORDER BY id
