// write/projects/record-event: keep a stage change or note of a Project as a ProjectEvent (who, when, from, to, note); params $projectId, $id, $at, $date, $actor, $kind, $from, $to, $note
MATCH (p:Project {id: $projectId})
CREATE (e:ProjectEvent {id: $id, at: $at, date: $date, actor: $actor, kind: $kind, from: $from, to: $to, note: $note})-[:EVENT_OF]->(p)
RETURN e.id AS id
