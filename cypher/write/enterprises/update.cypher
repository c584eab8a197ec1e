// write/enterprises/update: set the given properties of the Enterprise $id (a null value removes one); params $id, $props
MATCH (e:Enterprise {id: $id})
SET e += $props
RETURN e.id AS id
