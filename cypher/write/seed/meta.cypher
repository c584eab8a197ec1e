// write/seed/meta: marks the store as seeded (written last by the seed loader); params $loadedAt, $version
MERGE (m:Meta {id: 'seed'})
SET m.loadedAt = $loadedAt, m.version = $version
RETURN m.id AS id, m.loadedAt AS loadedAt, m.version AS version
