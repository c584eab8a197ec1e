// write/seed/task-leads: Unit LEADS Task (责任单位) for one area; params $rows
UNWIND $rows AS r
MATCH (u:Unit {id: r.unit})
MATCH (t:Task {id: r.task})
MERGE (u)-[l:LEADS {area: r.area}]->(t)
SET l.order = r.order, l.source = r.source, l.sourceText = r.sourceText
