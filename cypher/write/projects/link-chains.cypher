// write/projects/link-chains: link a Project to each Chain of $ids by IN_CHAIN (its chains); params $id, $ids
UNWIND $ids AS xid
MATCH (p:Project {id: $id})
MATCH (x:Chain {id: xid})
MERGE (p)-[:IN_CHAIN]->(x)
RETURN count(x) AS linked
