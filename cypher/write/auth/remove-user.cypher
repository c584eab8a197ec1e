// write/auth/remove-user: deletes a user; params $name
MATCH (u:User {name: $name})
WITH u, u.id AS id
DETACH DELETE u
RETURN id
