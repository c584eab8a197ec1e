// read/seed/gaps: every Gap with its segment, chain, area, task and responsible units; params none
MATCH (g:Gap)-[:AT]->(s:Segment), (g)-[:IN_CHAIN]->(c:Chain), (g)-[:FOR_AREA]->(a:Area), (g)-[:FROM_TASK]->(t:Task)
RETURN g.id AS id, g.kind AS kind, g.status AS status, g.origin AS origin, s.id AS segmentId, c.id AS chainId,
       a.id AS areaId, t.id AS taskId,
       [(u:Unit)-[x:RESPONSIBLE_FOR {role: 'lead'}]->(g) | u.name] AS leads,
       [(u:Unit)-[x:RESPONSIBLE_FOR {role: 'support'}]->(g) | u.name] AS supports
ORDER BY id
