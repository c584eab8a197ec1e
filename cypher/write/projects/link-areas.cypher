// write/projects/link-areas: link a Project to each Area of $ids by IN_AREA (the area it is in); params $id, $ids
UNWIND $ids AS xid
MATCH (p:Project {id: $id})
MATCH (x:Area {id: xid})
MERGE (p)-[:IN_AREA]->(x)
RETURN count(x) AS linked
