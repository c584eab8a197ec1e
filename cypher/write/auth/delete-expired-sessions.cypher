// write/auth/delete-expired-sessions: removes sessions past their expiry; params $now
MATCH (s:Session)
WHERE s.expiresAt <= $now
DETACH DELETE s
