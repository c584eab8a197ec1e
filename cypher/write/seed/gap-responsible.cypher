// write/seed/gap-responsible: Unit RESPONSIBLE_FOR Gap with role lead or support; params $rows
UNWIND $rows AS r
MATCH (u:Unit {id: r.unit})
MATCH (g:Gap {id: r.gap})
MERGE (u)-[x:RESPONSIBLE_FOR {role: r.role}]->(g)
SET x.source = r.source, x.sourceText = r.sourceText
