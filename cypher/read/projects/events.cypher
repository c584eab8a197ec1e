// read/projects/events: the ProjectEvents (stage changes and notes) of the Projects $projectIds, oldest first; params $projectIds
MATCH (e:ProjectEvent)-[:EVENT_OF]->(p:Project)
WHERE p.id IN $projectIds
RETURN p.id AS projectId, e.id AS id, e.at AS at, e.date AS date, e.actor AS actor, e.kind AS kind, e.from AS from, e.to AS to, e.note AS note
ORDER BY at, id
