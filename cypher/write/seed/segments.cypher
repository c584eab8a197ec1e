// write/seed/segments: merge Segment nodes by id and set their properties (aliases: other names users say, searchAliases: them normalised); params $rows
UNWIND $rows AS r
MERGE (s:Segment {id: r.id})
SET s.name = r.name, s.nameEn = r.nameEn, s.stage = r.stage, s.fromPlan = r.fromPlan, s.note = r.note,
    s.origin = r.origin, s.source = r.source, s.sourceText = r.sourceText,
    s.aliases = r.aliases, s.searchAliases = r.searchAliases
