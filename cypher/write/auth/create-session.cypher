// write/auth/create-session: opens a session for a user; params $id, $tokenHash, $userId, $createdAt, $expiresAt
CREATE (s:Session {id: $id, tokenHash: $tokenHash, userId: $userId, createdAt: $createdAt, expiresAt: $expiresAt})
RETURN s.id AS id
