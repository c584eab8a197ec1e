// write/seed/areas: merge Area nodes by id and set their properties; params $rows
UNWIND $rows AS r
MERGE (a:Area {id: r.id})
SET a.name = r.name, a.nameEn = r.nameEn, a.level = r.level, a.local = r.local,
    a.note = r.note, a.origin = r.origin, a.source = r.source, a.sourceText = r.sourceText
