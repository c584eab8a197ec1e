// write/projects/update: set properties of a Project ($props: a map; a null value removes the property); params $id, $props
MATCH (p:Project {id: $id})
SET p += $props
RETURN p.id AS id
