// read/targets/exists: the Target $targetId, to check it exists; params $targetId
MATCH (t:Target {id: $targetId})
RETURN t.id AS id, t.name AS name
