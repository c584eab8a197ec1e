// read/projects/links: every link of the Projects $ids (all projects when null) as rows: area, park, segments, chains and gaps it points to, investor and units pointing to it; one pass over the relationships instead of a subquery per project; params $ids
CALL () {
  MATCH (p:Project)-[r:IN_AREA|IN_PARK|AT|IN_CHAIN|FILLS]->(x)
  WHERE $ids IS NULL OR p.id IN $ids
  RETURN p.id AS projectId, type(r) AS type, x.id AS id, x.name AS name, x.nameEn AS nameEn
  UNION ALL
  MATCH (x)-[r:INVESTS_IN|LOOKS_AFTER|PROMOTES]->(p:Project)
  WHERE $ids IS NULL OR p.id IN $ids
  RETURN p.id AS projectId, type(r) AS type, x.id AS id, x.name AS name, x.nameEn AS nameEn
}
RETURN projectId, type, id, name, nameEn
// a project's segments, chains, units and gaps in one order on every engine
ORDER BY projectId, type, id
