// write/import/enterprise-locate: Enterprise LOCATED_IN Area for imported enterprises; params $rows
UNWIND $rows AS r
MATCH (e:Enterprise {id: r.enterprise})
MATCH (a:Area {id: r.area})
MERGE (e)-[:LOCATED_IN]->(a)
