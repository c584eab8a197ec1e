// write/seed/tasks: merge Task nodes (重点任务) by id, set their properties and link them to their Action; params $rows
UNWIND $rows AS r
MATCH (a:Action {id: r.actionId})
MERGE (t:Task {id: r.id})
SET t.no = r.no, t.name = r.name, t.text = r.text, t.dutyText = r.dutyText,
    t.origin = r.origin, t.source = r.source, t.sourceText = r.sourceText
MERGE (a)-[h:HAS_TASK]->(t)
SET h.source = r.source, h.sourceText = r.sourceText
