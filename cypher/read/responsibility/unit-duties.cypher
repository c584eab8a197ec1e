// read/responsibility/unit-duties: one unit with every task it leads or supports (per area) and the chains those tasks develop; params $unitId
MATCH (u:Unit {id: $unitId})
OPTIONAL MATCH (u)-[d:LEADS|SUPPORTS]->(t:Task)
RETURN u.id AS unitId, u.name AS unitName, u.areaId AS unitAreaId,
       t.id AS taskId, t.no AS taskNo, t.name AS taskName, d.area AS areaId,
       CASE type(d) WHEN 'LEADS' THEN 'lead' WHEN 'SUPPORTS' THEN 'support' ELSE null END AS role,
       [(t)-[:DEVELOPS]->(c:Chain) | {id: c.id, name: c.name}] AS chains
ORDER BY taskNo, areaId, role
