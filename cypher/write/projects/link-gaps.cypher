// write/projects/link-gaps: link a Project to each Gap of $ids by FILLS (the gaps it fills); params $id, $ids
UNWIND $ids AS xid
MATCH (p:Project {id: $id})
MATCH (x:Gap {id: xid})
MERGE (p)-[:FILLS]->(x)
RETURN count(x) AS linked
