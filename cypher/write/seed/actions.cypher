// write/seed/actions: merge Action nodes (攻坚行动) by id and set their properties; params $rows
UNWIND $rows AS r
MERGE (a:Action {id: r.id})
SET a.no = r.no, a.name = r.name, a.origin = r.origin, a.source = r.source, a.sourceText = r.sourceText
