// write/import/operates-in-create: create Enterprise OPERATES_IN Segment links new to the store (the plan read every existing link in the same transaction); a batch as one list per field ($columns: enterprise, segment, role, origin); params $columns
WITH $columns AS c
UNWIND range(0, size(c.enterprise) - 1) AS i
MATCH (e:Enterprise {id: c.enterprise[i]})
MATCH (s:Segment {id: c.segment[i]})
CREATE (e)-[:OPERATES_IN {role: c.role[i], origin: c.origin[i]}]->(s)
