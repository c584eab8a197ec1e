// read/explore/search: per searchable label in $labels, the best $limit nodes by rank, name length and id (the same on every engine; the caller ranks across labels) whose normalised searchName/searchShortName (or, for segments and chains, one of searchAliases) contains $q or whose name/shortName contains $raw, with their rank exact (0) > prefix (1) > contains (2) and name length; params $q, $raw, $labels, $limit
MATCH (n:Enterprise)
WHERE 'Enterprise' IN $labels
  AND (n.searchName CONTAINS $q OR n.searchShortName CONTAINS $q OR n.name CONTAINS $raw OR n.shortName CONTAINS $raw)
RETURN n.id AS id, 'Enterprise' AS label, size(n.name) AS length,
       CASE
         WHEN n.searchName = $q OR n.searchShortName = $q OR n.name = $raw OR n.shortName = $raw THEN 0
         WHEN n.searchName STARTS WITH $q OR n.searchShortName STARTS WITH $q OR n.name STARTS WITH $raw OR n.shortName STARTS WITH $raw THEN 1
         ELSE 2
       END AS rank
ORDER BY rank, length, id
LIMIT $limit
UNION ALL
MATCH (n:Segment)
WHERE 'Segment' IN $labels
  AND (n.searchName CONTAINS $q OR n.searchShortName CONTAINS $q OR n.name CONTAINS $raw OR n.shortName CONTAINS $raw
       OR any(a IN coalesce(n.searchAliases, []) WHERE a CONTAINS $q))
RETURN n.id AS id, 'Segment' AS label, size(n.name) AS length,
       CASE
         WHEN n.searchName = $q OR n.searchShortName = $q OR n.name = $raw OR n.shortName = $raw OR $q IN coalesce(n.searchAliases, []) THEN 0
         WHEN n.searchName STARTS WITH $q OR n.searchShortName STARTS WITH $q OR n.name STARTS WITH $raw OR n.shortName STARTS WITH $raw
              OR any(a IN coalesce(n.searchAliases, []) WHERE a STARTS WITH $q) THEN 1
         ELSE 2
       END AS rank
ORDER BY rank, length, id
LIMIT $limit
UNION ALL
MATCH (n:Chain)
WHERE 'Chain' IN $labels
  AND (n.searchName CONTAINS $q OR n.searchShortName CONTAINS $q OR n.name CONTAINS $raw OR n.shortName CONTAINS $raw
       OR any(a IN coalesce(n.searchAliases, []) WHERE a CONTAINS $q))
RETURN n.id AS id, 'Chain' AS label, size(n.name) AS length,
       CASE
         WHEN n.searchName = $q OR n.searchShortName = $q OR n.name = $raw OR n.shortName = $raw OR $q IN coalesce(n.searchAliases, []) THEN 0
         WHEN n.searchName STARTS WITH $q OR n.searchShortName STARTS WITH $q OR n.name STARTS WITH $raw OR n.shortName STARTS WITH $raw
              OR any(a IN coalesce(n.searchAliases, []) WHERE a STARTS WITH $q) THEN 1
         ELSE 2
       END AS rank
ORDER BY rank, length, id
LIMIT $limit
UNION ALL
MATCH (n:Unit)
WHERE 'Unit' IN $labels
  AND (n.searchName CONTAINS $q OR n.searchShortName CONTAINS $q OR n.name CONTAINS $raw OR n.shortName CONTAINS $raw)
RETURN n.id AS id, 'Unit' AS label, size(n.name) AS length,
       CASE
         WHEN n.searchName = $q OR n.searchShortName = $q OR n.name = $raw OR n.shortName = $raw THEN 0
         WHEN n.searchName STARTS WITH $q OR n.searchShortName STARTS WITH $q OR n.name STARTS WITH $raw OR n.shortName STARTS WITH $raw THEN 1
         ELSE 2
       END AS rank
ORDER BY rank, length, id
LIMIT $limit
