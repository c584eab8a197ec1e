// read/dump/relationship-count: number of relationships, for the dump's header (security records have none), checked against what the paged read wrote; params none
MATCH ()-[r]->()
RETURN count(r) AS relationships
