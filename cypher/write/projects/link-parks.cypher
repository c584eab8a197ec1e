// write/projects/link-parks: link a Project to each Park of $ids by IN_PARK (the park it is in); params $id, $ids
UNWIND $ids AS xid
MATCH (p:Project {id: $id})
MATCH (x:Park {id: xid})
MERGE (p)-[:IN_PARK]->(x)
RETURN count(x) AS linked
