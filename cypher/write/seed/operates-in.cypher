// write/seed/operates-in: Enterprise OPERATES_IN Segment with role leader, core or supplier; params $rows
UNWIND $rows AS r
MATCH (e:Enterprise {id: r.enterprise})
MATCH (s:Segment {id: r.segment})
MERGE (e)-[o:OPERATES_IN]->(s)
SET o.role = r.role, o.origin = r.origin
