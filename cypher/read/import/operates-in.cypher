// read/import/operates-in: every Enterprise OPERATES_IN Segment link with its role, to tell new links from existing ones; params none
MATCH (e:Enterprise)-[o:OPERATES_IN]->(s:Segment)
RETURN e.id AS enterprise, s.id AS segment, o.role AS role
