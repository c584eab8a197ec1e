// read/targets/baselines: the recorded Baseline of each Target that has one (the figure a 新增 target counts from); params none
MATCH (b:Baseline)-[:BASELINE_OF]->(t:Target)
RETURN t.id AS targetId, b.id AS id, b.value AS value, b.date AS date, b.takenAt AS takenAt, b.source AS source, b.note AS note, b.origin AS origin
ORDER BY targetId
