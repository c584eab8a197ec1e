// read/seed/segment-presence: per segment, the local enterprises in it (count, roles, output in 万元, smallest output); params none
MATCH (s:Segment)
OPTIONAL MATCH (e:Enterprise {local: true})-[o:OPERATES_IN]->(s)
RETURN s.id AS segmentId, count(e) AS localCount, collect(o.role) AS roles, sum(e.output) AS localOutput, min(e.output) AS smallestOutput
ORDER BY segmentId
