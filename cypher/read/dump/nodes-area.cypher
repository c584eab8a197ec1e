// read/dump/nodes-area: a page of the dump: the first $limit Area nodes with an id after $after, in id order (keyset: no query reads the whole label), each with its labels and properties; params $after, $limit
MATCH (n:Area)
WHERE n.id > $after
WITH n
ORDER BY n.id
LIMIT $limit
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
