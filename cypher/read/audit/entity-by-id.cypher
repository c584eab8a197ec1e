// read/audit/entity-by-id: labels and properties of the node with an id, whatever its label (audit before/after); params $id
MATCH (n)
WHERE n.id = $id
RETURN labels(n) AS labels, properties(n) AS properties
LIMIT 1
