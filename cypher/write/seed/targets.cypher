// write/seed/targets: merge Target nodes by id and set their properties; params $rows
UNWIND $rows AS r
MERGE (t:Target {id: r.id})
SET t.name = r.name, t.nameEn = r.nameEn, t.value = r.value, t.unit = r.unit, t.deadline = r.deadline, t.group = r.group,
    t.metric = r.metric, t.counts = r.counts, t.areaId = r.areaId, t.note = r.note,
    t.origin = r.origin, t.source = r.source, t.sourceText = r.sourceText
