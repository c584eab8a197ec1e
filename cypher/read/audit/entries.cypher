// read/audit/entries: newest audit entries first, at most 501 (the service slices the page); params $entityId, $after
MATCH (a:AuditEntry)
WHERE ($entityId IS NULL OR a.entityId = $entityId) AND ($after IS NULL OR a.id < $after)
RETURN a.id AS id, a.at AS at, a.actor AS actor, a.actorKind AS actorKind, a.role AS role, a.operation AS operation,
       a.field AS field, a.args AS args, a.entityId AS entityId, a.entityLabel AS entityLabel,
       a.before AS before, a.after AS after, a.ok AS ok, a.summary AS summary
ORDER BY id DESC
LIMIT 501
