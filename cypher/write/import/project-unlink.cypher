// write/import/project-unlink: remove the links of existing Projects (area, segments, chains, gaps, investor, units) before the import links them again; params $rows
UNWIND $rows AS r
MATCH (p:Project {id: r.id})
CALL (p) {
  MATCH (p)-[x:IN_AREA|IN_PARK|AT|IN_CHAIN|FILLS]->()
  DELETE x
}
CALL (p) {
  MATCH ()-[x:INVESTS_IN|LOOKS_AFTER|PROMOTES]->(p)
  DELETE x
}
RETURN count(p) AS unlinked
