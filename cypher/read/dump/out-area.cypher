// read/dump/out-area: a page of the dump: the first $limit Area nodes with an id after $after, in id order, each with its $relType relationships (labels and id of the end, properties); a node without one gives an empty list, so the next page starts after it; params $after, $limit, $relType
MATCH (a:Area)
WHERE a.id > $after
WITH a
ORDER BY a.id
LIMIT $limit
RETURN a.id AS start, [(a)-[r]->(b) WHERE type(r) = $relType | {endLabels: labels(b), end: b.id, properties: properties(r)}] AS out
