// read/seed-status: whether the seeds were loaded, and when; params none
OPTIONAL MATCH (m:Meta {id: 'seed'})
RETURN m IS NOT NULL AS seeded, m.loadedAt AS loadedAt, m.version AS version
