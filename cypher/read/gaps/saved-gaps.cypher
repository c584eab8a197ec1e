// read/gaps/saved-gaps: saved Gap nodes with their segment, chain, area, task and responsible units, filtered by ids, statuses, kinds, chain, area and segments (a null filter matches all); params $ids, $statuses, $kinds, $chainId, $areaId, $segmentIds
MATCH (g:Gap)-[:AT]->(s:Segment)
WHERE ($ids IS NULL OR g.id IN $ids)
  AND ($statuses IS NULL OR g.status IN $statuses)
  AND ($kinds IS NULL OR g.kind IN $kinds)
  AND ($segmentIds IS NULL OR s.id IN $segmentIds)
  AND ($chainId IS NULL OR EXISTS { (g)-[:IN_CHAIN]->(:Chain {id: $chainId}) })
  AND ($areaId IS NULL OR EXISTS { (g)-[:FOR_AREA]->(:Area {id: $areaId}) })
// pattern comprehensions, not OPTIONAL MATCH: Grafeo plans those as a scan of every node joined afterwards
WITH g, s,
     head([(g)-[:IN_CHAIN]->(gc:Chain) | gc]) AS c,
     head([(g)-[:FOR_AREA]->(ga:Area) | ga]) AS a,
     head([(g)-[:FROM_TASK]->(gt:Task) | gt]) AS t
RETURN g.id AS id, g.kind AS kind, g.status AS status, g.origin AS origin, g.note AS note, g.reason AS reason,
       g.updatedAt AS updatedAt, g.source AS source, g.sourceText AS sourceText,
       s.id AS segmentId, s.name AS segmentName, c.id AS chainId, c.name AS chainName,
       a.id AS areaId, a.name AS areaName, t.id AS taskId, t.name AS taskName,
       [(u:Unit)-[x:RESPONSIBLE_FOR]->(g) | {unitId: u.id, unitName: u.name, role: x.role, areaId: a.id, via: 'gap'}] AS responsible
ORDER BY id
