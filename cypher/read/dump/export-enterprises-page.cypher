// read/dump/export-enterprises-page: a page of the enterprise list export (CSV/xlsx): the first $limit Enterprises after ($name, $after) in (name, id) order (keyset: no query reads every enterprise), with their areas and segments (id and name); params $name, $after, $limit
MATCH (e:Enterprise)
WHERE e.name > $name OR (e.name = $name AND e.id > $after)
WITH e
ORDER BY e.name, e.id
LIMIT $limit
RETURN e.id AS id, e.name AS name, e.shortName AS shortName, e.uscc AS uscc, e.output AS output,
       e.aboveScale AS aboveScale, e.tags AS tags, e.founded AS founded, e.local AS local, e.region AS region,
       e.province AS province, e.city AS city, e.district AS district, e.industryCode AS industryCode, e.businessScope AS businessScope, e.mainProducts AS mainProducts, e.origin AS origin, e.sample AS sample,
       [(e)-[:LOCATED_IN]->(a:Area) | a {.id, .name}] AS areas,
       [(e)-[:OPERATES_IN]->(s:Segment) | s {.id, .name}] AS segments
ORDER BY name, id
