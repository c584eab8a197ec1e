// write/auth/create-user: adds a user (the name is unique); params $id, $name, $role, $passwordHash, $createdAt
CREATE (u:User {id: $id, name: $name, role: $role, passwordHash: $passwordHash, createdAt: $createdAt})
RETURN u.id AS id, u.name AS name, u.role AS role, u.createdAt AS createdAt
