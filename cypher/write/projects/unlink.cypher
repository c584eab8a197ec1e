// write/projects/unlink: remove a Project's links to its area, park, segments, chains, gaps, investor and units, before they are linked again; params $id
MATCH (p:Project {id: $id})
CALL (p) {
  MATCH (p)-[r:IN_AREA|IN_PARK|AT|IN_CHAIN|FILLS]->()
  DELETE r
}
CALL (p) {
  MATCH ()-[r:INVESTS_IN|LOOKS_AFTER|PROMOTES]->(p)
  DELETE r
}
RETURN p.id AS id
