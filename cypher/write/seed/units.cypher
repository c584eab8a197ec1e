// write/seed/units: merge Unit nodes by id and set their properties; params $rows
UNWIND $rows AS r
MERGE (u:Unit {id: r.id})
SET u.name = r.name, u.areaId = r.areaId, u.kind = r.kind, u.hostUnitId = r.hostUnitId, u.partOfUnitId = r.partOfUnitId,
    u.note = r.note, u.origin = r.origin, u.source = r.source, u.sourceText = r.sourceText
