// write/generate/operates-in: create OPERATES_IN from generated enterprises to segments with role and origin; params $rows
UNWIND $rows AS r
MATCH (e:Enterprise {id: r.enterprise})
MATCH (s:Segment {id: r.segment})
CREATE (e)-[:OPERATES_IN {role: r.role, origin: r.origin}]->(s)
