// write/generate/enterprises: create generated Enterprise nodes (ids not yet in the store) with their properties, LOCATED_IN their Area; params $rows
UNWIND $rows AS r
MATCH (a:Area {id: r.areaId})
CREATE (e:Enterprise {id: r.id})-[:LOCATED_IN]->(a)
SET e += r.props
