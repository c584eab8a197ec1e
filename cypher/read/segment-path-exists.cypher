// read/segment-path-exists: whether a FEEDS path of 1 to 6 steps leads from one segment to another, and its shortest length; params $from, $to
OPTIONAL MATCH p = shortestPath((a:Segment {id: $from})-[:FEEDS*1..6]->(b:Segment {id: $to}))
RETURN p IS NOT NULL AS exists, length(p) AS hops, [n IN nodes(p) | n.id] AS segmentIds
