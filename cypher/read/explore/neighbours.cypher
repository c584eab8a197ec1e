// read/explore/neighbours: distinct nodes carrying one of $labels one relationship (either direction) away from any of $ids, not in $exclude, at most $limit; params $ids, $exclude, $labels, $limit
UNWIND $ids AS id
MATCH (a {id: id})--(b)
WHERE NOT b.id IN $exclude AND any(l IN labels(b) WHERE l IN $labels)
WITH DISTINCT b
LIMIT $limit
RETURN b.id AS id, labels(b)[0] AS label, coalesce(b.name, b.id) AS name, properties(b) AS properties,
       [(b)-[:LOCATED_IN]->(a:Area) | a.id] AS areaIds
