// read/enterprises/area: the Area $areaId with its local flag, to place an enterprise there; params $areaId
MATCH (a:Area {id: $areaId})
RETURN a.id AS id, a.name AS name, a.local AS local
