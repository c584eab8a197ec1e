// write/enterprises/delete: delete the Enterprise $id and its relationships; params $id
MATCH (e:Enterprise {id: $id})
DETACH DELETE e
RETURN count(*) AS deleted
