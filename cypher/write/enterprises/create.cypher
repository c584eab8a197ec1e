// write/enterprises/create: create an Enterprise with $props LOCATED_IN the Area $areaId; params $id, $props, $areaId
MATCH (a:Area {id: $areaId})
CREATE (e:Enterprise {id: $id})-[:LOCATED_IN]->(a)
SET e += $props
RETURN e.id AS id
