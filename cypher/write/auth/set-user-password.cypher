// write/auth/set-user-password: replaces the password hash of a user; params $name, $passwordHash
MATCH (u:User {name: $name})
SET u.passwordHash = $passwordHash
RETURN u.id AS id, u.name AS name, u.role AS role, u.createdAt AS createdAt
