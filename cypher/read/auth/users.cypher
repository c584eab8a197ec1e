// read/auth/users: every user without secrets; params none
MATCH (u:User)
RETURN u.id AS id, u.name AS name, u.role AS role, u.createdAt AS createdAt
ORDER BY name
