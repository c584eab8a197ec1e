// write/projects/link-segments: link a Project to each Segment of $ids by AT (the chain segments it works in); params $id, $ids
UNWIND $ids AS xid
MATCH (p:Project {id: $id})
MATCH (x:Segment {id: xid})
MERGE (p)-[:AT]->(x)
RETURN count(x) AS linked
