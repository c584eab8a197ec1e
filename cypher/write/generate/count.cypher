// write/generate/count: counts generated enterprises (id prefix gen:ent:) before a load, to refuse loading twice; params $prefix
MATCH (e:Enterprise)
WHERE e.id STARTS WITH $prefix
RETURN count(e) AS n
