// write/seed/task-chains: Task DEVELOPS Chain; params $rows
UNWIND $rows AS r
MATCH (t:Task {id: r.task})
MATCH (c:Chain {id: r.chain})
MERGE (t)-[d:DEVELOPS]->(c)
SET d.source = r.source, d.sourceText = r.sourceText
