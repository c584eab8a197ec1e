// write/seed/enterprises: merge Enterprise nodes by id, set their properties and link them LOCATED_IN their area; params $rows
UNWIND $rows AS r
MATCH (a:Area {id: r.areaId})
MERGE (e:Enterprise {id: r.id})
SET e.name = r.name, e.shortName = r.shortName, e.uscc = r.uscc, e.local = r.local, e.region = r.region,
    e.province = r.province, e.city = r.city, e.areaId = r.areaId, e.output = r.output, e.aboveScale = r.aboveScale,
    e.tags = r.tags, e.founded = r.founded, e.origin = r.origin, e.sample = r.sample
MERGE (e)-[:LOCATED_IN]->(a)
