// write/auth/set-user-role: changes the role of a user; params $name, $role
MATCH (u:User {name: $name})
SET u.role = $role
RETURN u.id AS id, u.name AS name, u.role AS role, u.createdAt AS createdAt
