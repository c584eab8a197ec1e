// write/seed/target-measures-area: Target MEASURES Area; params $rows
UNWIND $rows AS r
MATCH (t:Target {id: r.target})
MATCH (a:Area {id: r.to})
MERGE (t)-[m:MEASURES]->(a)
SET m.source = r.source, m.sourceText = r.sourceText
