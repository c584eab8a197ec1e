// read/dump/nodes: every node except those with a label in $exclude (security records), with its labels and properties, in ONE query: what tests compare the paged dump (nodes-*, out-*) with; at tier L it outlasts Grafeo's 30 s query limit, so the product never runs it; params $exclude
MATCH (n)
WHERE NOT any(l IN labels(n) WHERE l IN coalesce($exclude, []))
RETURN labels(n) AS labels, properties(n) AS properties
