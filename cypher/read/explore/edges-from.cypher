// read/explore/edges-from: the relationships leaving any of the nodes $ids whose end node is among the nodes $among (a map from node id to true: a lookup per row, where `IN $list` would scan the list); params $ids, $among
WITH $among AS among
UNWIND $ids AS id
MATCH (a {id: id})-[r]->(b)
WHERE among[b.id] = true
RETURN type(r) AS type, id AS source, b.id AS target, properties(r) AS properties
