// read/responsibility/chain-duties: lead (LEADS) and supporting (SUPPORTS) units of the tasks that DEVELOP the given chains, per area (every area when $areaId is null); params $chainIds, $areaId
MATCH (u:Unit)-[d:LEADS|SUPPORTS]->(t:Task)-[:DEVELOPS]->(c:Chain)
WHERE c.id IN $chainIds AND ($areaId IS NULL OR d.area = $areaId)
RETURN c.id AS chainId, t.id AS taskId, t.no AS taskNo, t.name AS taskName, d.area AS areaId,
       CASE type(d) WHEN 'LEADS' THEN 'lead' ELSE 'support' END AS role, u.id AS unitId, u.name AS unitName, d.order AS position
ORDER BY chainId, taskNo, areaId, role, position
