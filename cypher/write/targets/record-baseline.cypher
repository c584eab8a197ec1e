// write/targets/record-baseline: record the Baseline of a Target; an existing one is kept unless $replace (a snapshot at first load never overwrites a recorded baseline); params $targetId, $id, $value, $date, $takenAt, $source, $note, $origin, $replace
MATCH (t:Target {id: $targetId})
MERGE (b:Baseline {id: $id})
MERGE (b)-[:BASELINE_OF]->(t)
WITH b, $replace OR b.value IS NULL AS write
SET b.value = CASE WHEN write THEN $value ELSE b.value END,
    b.date = CASE WHEN write THEN $date ELSE b.date END,
    b.takenAt = CASE WHEN write THEN $takenAt ELSE b.takenAt END,
    b.source = CASE WHEN write THEN $source ELSE b.source END,
    b.note = CASE WHEN write THEN $note ELSE b.note END,
    b.origin = CASE WHEN write THEN $origin ELSE b.origin END
RETURN b.id AS id, b.value AS value, b.date AS date, b.takenAt AS takenAt, b.source AS source, b.note AS note, b.origin AS origin
