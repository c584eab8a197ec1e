// write/enterprises/relocate: move the Enterprise $id to the Area $areaId (replaces its LOCATED_IN); params $id, $areaId
MATCH (e:Enterprise {id: $id})
OPTIONAL MATCH (e)-[old:LOCATED_IN]->(:Area)
DELETE old
WITH DISTINCT e
MATCH (a:Area {id: $areaId})
CREATE (e)-[:LOCATED_IN]->(a)
SET e.areaId = a.id
RETURN e.id AS id
