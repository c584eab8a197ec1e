// read/seed/targets: every Target with its whole (for per-area parts), area and what it measures; params none
MATCH (t:Target)
OPTIONAL MATCH (t)-[:PART_OF]->(w:Target)
OPTIONAL MATCH (t)-[:IN_AREA]->(a:Area)
RETURN t.id AS id, t.name AS name, t.value AS value, t.unit AS unit, t.deadline AS deadline, t.group AS group,
       t.metric AS metric, w.id AS wholeId, a.id AS areaId,
       [(t)-[:MEASURES]->(x) | x.id] AS measures, t.source AS source
ORDER BY id
