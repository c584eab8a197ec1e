// read/explore/neighbours: ids and labels of the distinct nodes carrying one of $labels one relationship (either direction) away from any of $ids, by id (the same on every engine), at most $limit (the caller drops nodes it has visited and fetches properties only for nodes it keeps); the label is the first explorable one, tested with b:Label because labels() is slow on Grafeo; each id looked up through the unique id index of every label it may have (no label-less scan on Neo4j); params $ids, $labels, $limit
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
MATCH (a)--(b)
WITH DISTINCT b
WITH b, CASE WHEN b:Area THEN 'Area' WHEN b:Park THEN 'Park' WHEN b:Chain THEN 'Chain' WHEN b:Segment THEN 'Segment' WHEN b:Enterprise THEN 'Enterprise' WHEN b:Unit THEN 'Unit' WHEN b:Action THEN 'Action' WHEN b:Task THEN 'Task' WHEN b:Gap THEN 'Gap' WHEN b:Target THEN 'Target' WHEN b:Progress THEN 'Progress' END AS label
WHERE label IN $labels
WITH b, label
ORDER BY b.id
LIMIT $limit
RETURN b.id AS id, label
