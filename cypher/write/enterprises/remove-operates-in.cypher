// write/enterprises/remove-operates-in: remove the OPERATES_IN from the Enterprise $enterpriseId to the Segment $segmentId; params $enterpriseId, $segmentId
MATCH (:Enterprise {id: $enterpriseId})-[o:OPERATES_IN]->(:Segment {id: $segmentId})
DELETE o
RETURN count(*) AS removed
