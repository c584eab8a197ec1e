// write/import/operates-in-create: create Enterprise OPERATES_IN Segment links new to the store (the plan read every existing link in the same transaction); params $rows
UNWIND $rows AS r
MATCH (e:Enterprise {id: r.enterprise})
MATCH (s:Segment {id: r.segment})
CREATE (e)-[:OPERATES_IN {role: r.role, origin: r.origin}]->(s)
