// write/projects/create: create a Project node with its properties ($props: a map of stored properties); params $id, $props
CREATE (p:Project {id: $id})
SET p += $props
RETURN p.id AS id
