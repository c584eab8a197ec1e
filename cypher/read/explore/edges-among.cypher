// read/explore/edges-among: relationships whose both ends are among $ids, at most $limit; params $ids, $limit
UNWIND $ids AS id
MATCH (a {id: id})-[r]->(b)
WHERE b.id IN $ids
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS properties
LIMIT $limit
