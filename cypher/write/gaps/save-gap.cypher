// write/gaps/save-gap: merge a Gap by its id, set its properties (status and note kept when null) and link it AT its segment, IN_CHAIN, FOR_AREA (none for the all-areas scope) and FROM_TASK when given; params $id, $kind, $segmentId, $chainId, $areaId, $taskId, $status, $origin, $note, $reason, $updatedAt
MATCH (s:Segment {id: $segmentId})
MERGE (g:Gap {id: $id})
SET g.kind = $kind, g.status = coalesce($status, g.status, 'open'), g.origin = coalesce(g.origin, $origin),
    g.note = coalesce($note, g.note), g.reason = coalesce($reason, g.reason), g.updatedAt = $updatedAt
MERGE (g)-[:AT]->(s)
WITH g
OPTIONAL MATCH (c:Chain {id: $chainId})
FOREACH (x IN CASE WHEN c IS NULL THEN [] ELSE [c] END | MERGE (g)-[:IN_CHAIN]->(x))
WITH g
OPTIONAL MATCH (a:Area {id: $areaId})
FOREACH (x IN CASE WHEN a IS NULL THEN [] ELSE [a] END | MERGE (g)-[:FOR_AREA]->(x))
WITH g
OPTIONAL MATCH (t:Task {id: $taskId})
FOREACH (x IN CASE WHEN t IS NULL THEN [] ELSE [t] END | MERGE (g)-[:FROM_TASK]->(x))
RETURN g.id AS id
