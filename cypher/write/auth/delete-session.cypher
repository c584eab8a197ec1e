// write/auth/delete-session: ends one session (sign-out); params $tokenHash
MATCH (s:Session {tokenHash: $tokenHash})
DETACH DELETE s
