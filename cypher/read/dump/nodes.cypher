// read/dump/nodes: every node except those with a label in $exclude (security records), with its labels and properties, for the full dump; params $exclude
MATCH (n)
WHERE NOT any(l IN labels(n) WHERE l IN coalesce($exclude, []))
RETURN labels(n) AS labels, properties(n) AS properties
