// read/enterprises/segment: the Segment $segmentId, to check it exists; params $segmentId
MATCH (s:Segment {id: $segmentId})
RETURN s.id AS id, s.name AS name
