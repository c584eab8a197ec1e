// read/explore/missing-search-names: searchable nodes (of $labels) that have a name but no searchName yet, so the service can backfill it; a scan of each searchable label, at most $limit in all; params $labels, $limit
CALL () {
  MATCH (n:Enterprise)
  WHERE 'Enterprise' IN $labels AND n.name IS NOT NULL AND n.searchName IS NULL
  RETURN n.id AS id, n.name AS name, n.shortName AS shortName
  UNION ALL
  MATCH (n:Segment)
  WHERE 'Segment' IN $labels AND n.name IS NOT NULL AND n.searchName IS NULL
  RETURN n.id AS id, n.name AS name, n.shortName AS shortName
  UNION ALL
  MATCH (n:Chain)
  WHERE 'Chain' IN $labels AND n.name IS NOT NULL AND n.searchName IS NULL
  RETURN n.id AS id, n.name AS name, n.shortName AS shortName
  UNION ALL
  MATCH (n:Unit)
  WHERE 'Unit' IN $labels AND n.name IS NOT NULL AND n.searchName IS NULL
  RETURN n.id AS id, n.name AS name, n.shortName AS shortName
}
RETURN id, name, shortName
LIMIT $limit
