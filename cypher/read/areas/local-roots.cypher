// read/areas/local-roots: the deployment's own areas at the top of the local scope (local, and not PART_OF another local area): the area choices of the UI; params none
MATCH (a:Area)
WHERE a.local = true AND NOT EXISTS { (a)-[:PART_OF]->(p:Area) WHERE p.local = true }
RETURN a.id AS id, a.name AS name, a.nameEn AS nameEn, a.level AS level
ORDER BY id
