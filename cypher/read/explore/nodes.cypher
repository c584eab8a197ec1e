// read/explore/nodes: the nodes with the given ids that carry one of $labels (the explorable domain labels), as graph elements; params $ids, $labels
MATCH (n)
WHERE n.id IN $ids AND any(l IN labels(n) WHERE l IN $labels)
RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.id) AS name, properties(n) AS properties,
       [(n)-[:LOCATED_IN]->(a:Area) | a.id] AS areaIds
