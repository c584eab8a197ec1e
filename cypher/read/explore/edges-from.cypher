// read/explore/edges-from: the relationships leaving any of the nodes $ids whose end node is among the nodes $among, ordered (the same on every engine), (a map from node id to true: a lookup per row, where `IN $list` would scan the list); each id looked up through the unique id index of every label it may have (no label-less scan on Neo4j); params $ids, $among
WITH $among AS among
UNWIND $ids AS id
CALL (id) {
  MATCH (a:Area {id: id}) RETURN a
  UNION ALL
  MATCH (a:Park {id: id}) RETURN a
  UNION ALL
  MATCH (a:Chain {id: id}) RETURN a
  UNION ALL
  MATCH (a:Segment {id: id}) RETURN a
  UNION ALL
  MATCH (a:Enterprise {id: id}) RETURN a
  UNION ALL
  MATCH (a:Unit {id: id}) RETURN a
  UNION ALL
  MATCH (a:Action {id: id}) RETURN a
  UNION ALL
  MATCH (a:Task {id: id}) RETURN a
  UNION ALL
  MATCH (a:Gap {id: id}) RETURN a
  UNION ALL
  MATCH (a:Target {id: id}) RETURN a
  UNION ALL
  MATCH (a:Progress {id: id}) RETURN a
}
MATCH (a)-[r]->(b)
WHERE among[b.id] = true
RETURN type(r) AS type, id AS source, b.id AS target, properties(r) AS properties
ORDER BY source, type, target
