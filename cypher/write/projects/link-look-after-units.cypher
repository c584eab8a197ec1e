// write/projects/link-look-after-units: link a Project to each Unit of $ids by LOOKS_AFTER (the 包保 units); params $id, $ids
UNWIND $ids AS xid
MATCH (p:Project {id: $id})
MATCH (x:Unit {id: xid})
MERGE (x)-[:LOOKS_AFTER]->(p)
RETURN count(x) AS linked
