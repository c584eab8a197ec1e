// read/dump/export-enterprises: every Enterprise with its areas and segments (id and name) in (name, id) order, in ONE query: what tests compare the paged enterprise export (export-enterprises-page) with; the product never runs it (tier L outlasts the 30 s query limit); params none
MATCH (e:Enterprise)
RETURN e.id AS id, e.name AS name, e.shortName AS shortName, e.uscc AS uscc, e.output AS output,
       e.aboveScale AS aboveScale, e.tags AS tags, e.founded AS founded, e.local AS local, e.region AS region,
       e.province AS province, e.city AS city, e.district AS district, e.industryCode AS industryCode, e.businessScope AS businessScope, e.mainProducts AS mainProducts, e.origin AS origin, e.sample AS sample,
       [(e)-[:LOCATED_IN]->(a:Area) | a {.id, .name}] AS areas,
       [(e)-[:OPERATES_IN]->(s:Segment) | s {.id, .name}] AS segments
ORDER BY name, id
