// read/auth/api-token: a live API token by the SHA-256 of its secret; params $tokenHash
MATCH (t:ApiToken {tokenHash: $tokenHash})
WHERE t.revokedAt IS NULL
RETURN t.id AS id, t.name AS name, t.role AS role, t.createdBy AS createdBy
