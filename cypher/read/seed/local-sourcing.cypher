// read/seed/local-sourcing: for local buyers in one segment, the share of their supplies bought from local and from outside suppliers; params $segmentId
MATCH (sup:Enterprise)-[r:SUPPLIES]->(b:Enterprise {local: true})-[:OPERATES_IN]->(s:Segment {id: $segmentId})
RETURN sum(CASE WHEN sup.local THEN r.share ELSE 0 END) AS localShare,
       sum(CASE WHEN sup.local THEN 0 ELSE r.share END) AS outsideShare,
       count(r) AS supplies
