// read/dump/nodes-task: a page of the dump: the first $limit Task nodes with an id after $after, in id order (keyset: no query reads the whole label), each with its labels and properties; params $after, $limit
MATCH (n:Task)
WHERE n.id > $after
WITH n
ORDER BY n.id
LIMIT $limit
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
