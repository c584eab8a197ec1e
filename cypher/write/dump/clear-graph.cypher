// write/dump/clear-graph: restore --replace: DETACH DELETE every node without a label in $keep, only when $confirm is true (a no-op otherwise); params $confirm, $keep
MATCH (n)
WHERE $confirm = true AND NOT any(l IN labels(n) WHERE l IN coalesce($keep, []))
DETACH DELETE n
