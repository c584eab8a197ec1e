// read/backup/node-count: every node of a graph (a backup being verified, opened read-only), to compare with the count its file records; params none
MATCH (n)
RETURN count(n) AS nodes
