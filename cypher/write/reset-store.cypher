// write/reset-store: deletes every node and relationship (seed --reset); params none
MATCH (n)
DETACH DELETE n
