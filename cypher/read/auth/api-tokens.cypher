// read/auth/api-tokens: every API token without its hash; params none
MATCH (t:ApiToken)
RETURN t.id AS id, t.name AS name, t.role AS role, t.createdBy AS createdBy, t.createdAt AS createdAt, t.revokedAt AS revokedAt
ORDER BY createdAt DESC
