// write/import/operates-in-update: set the role of existing Enterprise OPERATES_IN Segment links; a batch as one list per field ($columns: enterprise, segment, role); params $columns
WITH $columns AS c
UNWIND range(0, size(c.enterprise) - 1) AS i
MATCH (e:Enterprise {id: c.enterprise[i]})-[o:OPERATES_IN]->(s:Segment {id: c.segment[i]})
SET o.role = c.role[i]
