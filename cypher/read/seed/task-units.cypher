// read/seed/task-units: lead (LEADS) and supporting (SUPPORTS) units of one task per area, in the plan's order; params $taskId
MATCH (u:Unit)-[d:LEADS|SUPPORTS]->(t:Task {id: $taskId})
RETURN d.area AS area, CASE type(d) WHEN 'LEADS' THEN 'lead' ELSE 'support' END AS role, u.id AS unitId, u.name AS unit, d.order AS position
ORDER BY area, role, position
