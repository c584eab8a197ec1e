// read/dump/count: number of nodes without a label in $exclude (security records), to refuse restoring into a non-empty graph; params $exclude
MATCH (n)
WHERE NOT any(l IN labels(n) WHERE l IN coalesce($exclude, []))
RETURN count(n) AS nodes
