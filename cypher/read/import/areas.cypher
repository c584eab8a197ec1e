// read/import/areas: every Area with the areas it lies in (PART_OF, up to 6 steps), to resolve 所在地区 and derive region, province and city of imported enterprises; params none
MATCH (a:Area)
OPTIONAL MATCH (a)-[:PART_OF*1..6]->(p:Area)
RETURN a.id AS id, a.name AS name, a.nameEn AS nameEn, a.level AS level, a.local AS local,
       collect(p {.id, .name, .level}) AS ancestors
