// read/targets/list: every Target with its whole (for per-area parts), area, what it measures and its recorded Progress (newest first); params none
MATCH (t:Target)
CALL (t) {
  MATCH (t)-[:PART_OF]->(w:Target)
  WITH w
  ORDER BY w.id
  RETURN collect(w.id) AS wholeIds
}
CALL (t) {
  MATCH (t)-[:IN_AREA]->(a:Area)
  WITH a
  ORDER BY a.id
  RETURN collect({id: a.id, name: a.name, nameEn: a.nameEn, level: a.level, local: a.local}) AS areas
}
CALL (t) {
  MATCH (t)-[:MEASURES]->(x)
  WITH x
  ORDER BY x.id
  RETURN collect({id: x.id, label: labels(x)[0], name: x.name}) AS measures
}
CALL (t) {
  MATCH (p:Progress)-[:RECORDS]->(t)
  WITH p
  ORDER BY p.date DESC, p.recordedAt DESC
  RETURN collect({id: p.id, value: p.value, date: p.date, source: p.source, note: p.note, origin: p.origin, recordedAt: p.recordedAt}) AS history
}
RETURN t.id AS id, t.name AS name, t.nameEn AS nameEn, t.value AS value, t.unit AS unit, t.deadline AS deadline, t.group AS group,
       t.metric AS metric, t.counts AS counts, t.note AS note, t.source AS source, t.sourceText AS sourceText,
       wholeIds, areas, measures, history
ORDER BY id
