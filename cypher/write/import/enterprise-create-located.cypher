// write/import/enterprise-create-located: create Enterprise nodes new to the store (the plan read every existing id in the same transaction), LOCATED_IN their Area; params $rows
UNWIND $rows AS r
MATCH (a:Area {id: r.area})
CREATE (e:Enterprise {id: r.id})-[:LOCATED_IN]->(a)
SET e += r.props
