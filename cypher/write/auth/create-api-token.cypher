// write/auth/create-api-token: stores a new API token by its SHA-256; params $id, $name, $role, $tokenHash, $createdBy, $createdAt
CREATE (t:ApiToken {id: $id, name: $name, role: $role, tokenHash: $tokenHash, createdBy: $createdBy, createdAt: $createdAt})
RETURN t.id AS id, t.name AS name, t.role AS role, t.createdBy AS createdBy, t.createdAt AS createdAt, t.revokedAt AS revokedAt
