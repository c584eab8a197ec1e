// read/projection/segments: every Segment with its chains (HAS_SEGMENT) and the segments it FEEDS, ordered by id (the analytic projection's segment table); params none
MATCH (s:Segment)
RETURN s.id AS id, s.name AS name, s.nameEn AS nameEn, s.stage AS stage,
       [(c:Chain)-[:HAS_SEGMENT]->(s) | c.id] AS chainIds,
       [(s)-[:FEEDS]->(t:Segment) | t.id] AS feedsTo
ORDER BY id
