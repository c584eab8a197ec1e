// write/import/project-event: keep the stage changes an import makes as ProjectEvents (who, when, from, to); params $rows
UNWIND $rows AS r
MATCH (p:Project {id: r.projectId})
CREATE (e:ProjectEvent {id: r.id, at: r.at, date: r.date, actor: r.actor, kind: r.kind, from: r.from, to: r.to, note: r.note})-[:EVENT_OF]->(p)
