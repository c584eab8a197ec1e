// read/explore/search-exact: nodes of the searchable labels in $labels whose searchName equals $q (and enterprises whose name equals $raw), through the lookup indexes, all of rank 0 (exact), with name length; params $q, $raw, $labels
MATCH (n:Enterprise)
WHERE 'Enterprise' IN $labels AND n.searchName = $q
RETURN n.id AS id, 'Enterprise' AS label, size(n.name) AS length, 0 AS rank
UNION ALL
MATCH (n:Segment)
WHERE 'Segment' IN $labels AND n.searchName = $q
RETURN n.id AS id, 'Segment' AS label, size(n.name) AS length, 0 AS rank
UNION ALL
MATCH (n:Chain)
WHERE 'Chain' IN $labels AND n.searchName = $q
RETURN n.id AS id, 'Chain' AS label, size(n.name) AS length, 0 AS rank
UNION ALL
MATCH (n:Unit)
WHERE 'Unit' IN $labels AND n.searchName = $q
RETURN n.id AS id, 'Unit' AS label, size(n.name) AS length, 0 AS rank
UNION ALL
MATCH (n:Enterprise)
WHERE 'Enterprise' IN $labels AND n.name = $raw
RETURN n.id AS id, 'Enterprise' AS label, size(n.name) AS length, 0 AS rank
