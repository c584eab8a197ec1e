// read/import/operates-in: every Enterprise OPERATES_IN Segment link with its role in one read, what read/import/operates-in-page gives page by page (tests compare the two; at tier L one read outlasts Grafeo's 30 s query limit, so the product reads pages); params none
MATCH (e:Enterprise)-[o:OPERATES_IN]->(s:Segment)
RETURN e.id AS enterprise, s.id AS segment, o.role AS role
