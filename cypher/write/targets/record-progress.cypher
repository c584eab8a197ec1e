// write/targets/record-progress: create a Progress (origin user) that RECORDS the Target $targetId; params $id, $targetId, $value, $date, $source, $note, $recordedAt
MATCH (t:Target {id: $targetId})
CREATE (p:Progress {id: $id, value: $value, date: $date, source: $source, note: $note, origin: 'user', recordedAt: $recordedAt})-[:RECORDS]->(t)
RETURN p.id AS id, p.value AS value, p.date AS date, p.source AS source, p.note AS note, p.origin AS origin, p.recordedAt AS recordedAt
