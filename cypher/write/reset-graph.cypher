// write/reset-graph: DETACH DELETE every node that has no label in $keep (a reset keeps accounts and the audit trail); params $keep
MATCH (n)
WHERE NOT any(l IN labels(n) WHERE l IN $keep)
DETACH DELETE n
