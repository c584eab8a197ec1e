// read/projects/lookup-ids: which of the given ids exist (areas, parks, enterprises, units, segments with their chains, chains, gaps), to validate a project before saving it; params $areaIds, $parkIds, $enterpriseIds, $unitIds, $segmentIds, $chainIds, $gapIds
CALL () {
  OPTIONAL MATCH (a:Area)
  WHERE a.id IN $areaIds
  RETURN collect(a.id) AS areaIds
}
CALL () {
  OPTIONAL MATCH (k:Park)
  WHERE k.id IN $parkIds
  RETURN collect(k.id) AS parkIds
}
CALL () {
  OPTIONAL MATCH (e:Enterprise)
  WHERE e.id IN $enterpriseIds
  RETURN collect({id: e.id, name: e.name}) AS enterprises
}
CALL () {
  OPTIONAL MATCH (u:Unit)
  WHERE u.id IN $unitIds
  RETURN collect(u.id) AS unitIds
}
CALL () {
  OPTIONAL MATCH (c:Chain)-[:HAS_SEGMENT]->(s:Segment)
  WHERE s.id IN $segmentIds
  RETURN collect({segmentId: s.id, chainId: c.id}) AS segmentChains
}
CALL () {
  OPTIONAL MATCH (c:Chain)
  WHERE c.id IN $chainIds
  RETURN collect(c.id) AS chainIds
}
CALL () {
  OPTIONAL MATCH (g:Gap)-[:AT]->(s:Segment)
  WHERE g.id IN $gapIds
  RETURN collect({id: g.id, segmentId: s.id, areaId: head([(g)-[:FOR_AREA]->(ga:Area) | ga.id]), chainId: head([(g)-[:IN_CHAIN]->(gc:Chain) | gc.id])}) AS gaps
}
RETURN areaIds, parkIds, enterprises, unitIds, segmentChains, chainIds, gaps
