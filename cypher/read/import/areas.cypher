// read/import/areas: every Area with its parent and the areas it lies in (PART_OF, up to 6 steps), to resolve 所在地区, derive region, province and city of imported enterprises, and compare an imported area hierarchy; params none
MATCH (a:Area)
OPTIONAL MATCH (a)-[:PART_OF*1..6]->(p:Area)
WITH a, collect(p {.id, .name, .level, .local}) AS ancestors
RETURN a.id AS id, a.name AS name, a.nameEn AS nameEn, a.level AS level, a.local AS local, a.divisionCode AS divisionCode,
       head([(a)-[:PART_OF]->(q:Area) | q.id]) AS parentId, ancestors
