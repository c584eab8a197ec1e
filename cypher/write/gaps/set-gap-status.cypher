// write/gaps/set-gap-status: set the status of a Gap, and its note when not null; params $id, $status, $note, $updatedAt
MATCH (g:Gap {id: $id})
SET g.status = $status, g.note = coalesce($note, g.note), g.updatedAt = $updatedAt
RETURN g.id AS id
