// read/responsibility/task-duties: lead (LEADS) and supporting (SUPPORTS) units of the given tasks, per area (every area when $areaId is null); params $taskIds, $areaId
MATCH (u:Unit)-[d:LEADS|SUPPORTS]->(t:Task)
WHERE t.id IN $taskIds AND ($areaId IS NULL OR d.area = $areaId)
RETURN t.id AS taskId, t.no AS taskNo, t.name AS taskName, d.area AS areaId,
       CASE type(d) WHEN 'LEADS' THEN 'lead' ELSE 'support' END AS role, u.id AS unitId, u.name AS unitName, d.order AS position
ORDER BY taskNo, areaId, role, position
