// read/gaps/segment-supply-rows: every SUPPLIES from an enterprise OPERATES_IN a segment of $segmentIds into a local buyer LOCATED_IN one of $areaIds (any local buyer when $areaIds is null), as rows [segment, from, to, share] (the evidence fallback for segments with few supplies); params $areaIds, $segmentIds
UNWIND $segmentIds AS segmentId
MATCH (s:Segment {id: segmentId})<-[:OPERATES_IN]-(x:Enterprise)-[r:SUPPLIES]->(b:Enterprise)
WHERE b.local = true AND ($areaIds IS NULL OR EXISTS { (b)-[:LOCATED_IN]->(ba:Area) WHERE ba.id IN $areaIds })
RETURN segmentId, x.id AS from, b.id AS to, r.share AS share
