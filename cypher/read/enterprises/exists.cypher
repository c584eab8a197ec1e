// read/enterprises/exists: which of the enterprise ids $ids exist; params $ids
MATCH (e:Enterprise)
WHERE e.id IN $ids
RETURN e.id AS id
