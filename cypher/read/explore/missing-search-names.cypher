// read/explore/missing-search-names: searchable nodes (of $labels) that have a name but no searchName yet, so the service can backfill it; params $labels, $limit
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $labels) AND n.name IS NOT NULL AND n.searchName IS NULL
RETURN n.id AS id, n.name AS name, n.shortName AS shortName
LIMIT $limit
