// write/enterprises/set-operates-in: the Enterprise $enterpriseId OPERATES_IN the Segment $segmentId with $role (created or updated); params $enterpriseId, $segmentId, $role
MATCH (e:Enterprise {id: $enterpriseId})
MATCH (s:Segment {id: $segmentId})
MERGE (e)-[o:OPERATES_IN]->(s)
SET o.role = $role, o.origin = 'user'
RETURN e.id AS id
