// write/seed/target-measures-chain: Target MEASURES Chain; params $rows
UNWIND $rows AS r
MATCH (t:Target {id: r.target})
MATCH (c:Chain {id: r.to})
MERGE (t)-[m:MEASURES]->(c)
SET m.source = r.source, m.sourceText = r.sourceText
