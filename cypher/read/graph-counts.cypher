// read/graph-counts: number of nodes per label and of relationships per type; params none
MATCH (n)
UNWIND labels(n) AS name
RETURN 'node' AS kind, name, count(*) AS count
UNION ALL
MATCH ()-[r]->()
RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count
