// write/auth/delete-user-sessions: signs a user out everywhere; params $userId
MATCH (s:Session {userId: $userId})
DETACH DELETE s
