// read/import/segments: every Segment with the chains it belongs to and its 挂链 mapping (industry codes, keywords), to resolve 所属环节 and 上游环节 in imports and suggest links; params none
MATCH (s:Segment)
OPTIONAL MATCH (c:Chain)-[:HAS_SEGMENT]->(s)
RETURN s.id AS id, s.name AS name, s.nameEn AS nameEn, s.stage AS stage, s.industryCodes AS industryCodes, s.keywords AS keywords,
       collect(c.id) AS chains
