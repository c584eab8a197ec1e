// read/responsibility/node-kind: whether an id names a Gap, Chain, Task or Unit, with the chain and area of a gap; params $nodeId
OPTIONAL MATCH (g:Gap {id: $nodeId})
OPTIONAL MATCH (c:Chain {id: $nodeId})
OPTIONAL MATCH (t:Task {id: $nodeId})
OPTIONAL MATCH (u:Unit {id: $nodeId})
RETURN CASE WHEN g IS NOT NULL THEN 'Gap' WHEN c IS NOT NULL THEN 'Chain' WHEN t IS NOT NULL THEN 'Task'
            WHEN u IS NOT NULL THEN 'Unit' ELSE null END AS kind,
       coalesce(g.id, c.id, t.id, u.id) AS id, coalesce(c.name, t.name, u.name) AS name
