// read/auth/user-by-name: one user with the password hash (sign-in only); params $name
MATCH (u:User {name: $name})
RETURN u.id AS id, u.name AS name, u.role AS role, u.passwordHash AS passwordHash, u.createdAt AS createdAt
