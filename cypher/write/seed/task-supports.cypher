// write/seed/task-supports: Unit SUPPORTS Task (配合单位) for one area; params $rows
UNWIND $rows AS r
MATCH (u:Unit {id: r.unit})
MATCH (t:Task {id: r.task})
MERGE (u)-[s:SUPPORTS {area: r.area}]->(t)
SET s.order = r.order, s.source = r.source, s.sourceText = r.sourceText
