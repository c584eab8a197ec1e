// write/import/operates-in-update: set the role of existing Enterprise OPERATES_IN Segment links; params $rows
UNWIND $rows AS r
MATCH (e:Enterprise {id: r.enterprise})-[o:OPERATES_IN]->(s:Segment {id: r.segment})
SET o.role = r.role
