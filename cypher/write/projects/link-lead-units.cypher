// write/projects/link-lead-units: link a Project to each Unit of $ids by PROMOTES (the lead 招商 unit); params $id, $ids
UNWIND $ids AS xid
MATCH (p:Project {id: $id})
MATCH (x:Unit {id: xid})
MERGE (x)-[:PROMOTES]->(p)
RETURN count(x) AS linked
