// write/import/operates-in: Enterprise OPERATES_IN Segment with role (leader, core or supplier), created or updated by an import; params $rows
UNWIND $rows AS r
MATCH (e:Enterprise {id: r.enterprise})
MATCH (s:Segment {id: r.segment})
MERGE (e)-[o:OPERATES_IN]->(s)
SET o.role = r.role, o.origin = coalesce(o.origin, r.origin)
