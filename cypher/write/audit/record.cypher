// write/audit/record: appends one audit entry; params $id, $at, $actor, $actorKind, $role, $operation, $field, $args, $entityId, $entityLabel, $before, $after, $ok, $summary
CREATE (a:AuditEntry {id: $id, at: $at, actor: $actor, actorKind: $actorKind, role: $role, operation: $operation, field: $field,
                      args: $args, entityId: $entityId, entityLabel: $entityLabel, before: $before, after: $after, ok: $ok, summary: $summary})
RETURN a.id AS id
