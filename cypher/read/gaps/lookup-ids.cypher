// read/gaps/lookup-ids: which of the given segment, chain, area, task and unit ids exist, to validate a gap before saving it; params $segmentId, $chainId, $areaId, $taskId, $unitIds
CALL () {
  OPTIONAL MATCH (u:Unit)
  WHERE u.id IN coalesce($unitIds, [])
  RETURN collect(u.id) AS unitIds
}
OPTIONAL MATCH (s:Segment {id: $segmentId})
OPTIONAL MATCH (c:Chain {id: $chainId})
OPTIONAL MATCH (a:Area {id: $areaId})
OPTIONAL MATCH (t:Task {id: $taskId})
RETURN s.id AS segmentId, [(c2:Chain)-[:HAS_SEGMENT]->(s) | c2.id] AS segmentChainIds, c.id AS chainId, a.id AS areaId,
       t.id AS taskId, unitIds
