// read/explore/search: nodes of the searchable labels whose normalised searchName/searchShortName contains $q or whose name/shortName contains $raw, ranked exact (0) > prefix (1) > contains (2), with context; params $q, $raw, $labels, $limit
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $labels)
  AND (n.searchName CONTAINS $q OR n.searchShortName CONTAINS $q OR n.name CONTAINS $raw OR n.shortName CONTAINS $raw)
WITH n,
     CASE
       WHEN n.searchName = $q OR n.searchShortName = $q OR n.name = $raw OR n.shortName = $raw THEN 0
       WHEN n.searchName STARTS WITH $q OR n.searchShortName STARTS WITH $q OR n.name STARTS WITH $raw OR n.shortName STARTS WITH $raw THEN 1
       ELSE 2
     END AS rank
ORDER BY rank, size(n.name), n.id
LIMIT $limit
CALL (n) {
  MATCH (n)-[:LOCATED_IN|BELONGS_TO]->(a:Area)
  RETURN collect(DISTINCT a.name) AS areas
}
CALL (n) {
  MATCH (n)-[:OPERATES_IN|HAS_SEGMENT]-(s)
  WHERE s:Segment OR s:Chain
  OPTIONAL MATCH (c:Chain)-[:HAS_SEGMENT]->(s)
  RETURN collect(DISTINCT coalesce(c.name, s.name)) AS chains
}
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.shortName AS shortName, rank, areas, chains
