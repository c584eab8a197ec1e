// read/auth/session: the user of a live session, by the SHA-256 of its cookie; params $tokenHash, $now
MATCH (s:Session {tokenHash: $tokenHash})
WHERE s.expiresAt > $now
MATCH (u:User {id: s.userId})
RETURN s.id AS sessionId, u.id AS userId, u.name AS name, u.role AS role
