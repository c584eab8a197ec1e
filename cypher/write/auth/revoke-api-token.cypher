// write/auth/revoke-api-token: marks an API token revoked (kept for the audit trail); params $id, $revokedAt
MATCH (t:ApiToken {id: $id})
SET t.revokedAt = coalesce(t.revokedAt, $revokedAt)
RETURN t.id AS id, t.name AS name, t.role AS role, t.createdBy AS createdBy, t.createdAt AS createdAt, t.revokedAt AS revokedAt
