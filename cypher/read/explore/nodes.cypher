// read/explore/nodes: the nodes with the given ids that carry one of $labels (the explorable domain labels), as graph elements (areas: read/explore/node-areas); the label is the first explorable one, tested with n:Label because labels() is slow on Grafeo; each id looked up through the unique id index of every label it may have (no label-less scan on Neo4j); params $ids, $labels, $withProperties (false: properties null, for callers that show ids, labels and names only; converting them is most of the read)
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Area {id: id}) RETURN n
  UNION ALL
  MATCH (n:Park {id: id}) RETURN n
  UNION ALL
  MATCH (n:Chain {id: id}) RETURN n
  UNION ALL
  MATCH (n:Segment {id: id}) RETURN n
  UNION ALL
  MATCH (n:Enterprise {id: id}) RETURN n
  UNION ALL
  MATCH (n:Unit {id: id}) RETURN n
  UNION ALL
  MATCH (n:Action {id: id}) RETURN n
  UNION ALL
  MATCH (n:Task {id: id}) RETURN n
  UNION ALL
  MATCH (n:Gap {id: id}) RETURN n
  UNION ALL
  MATCH (n:Target {id: id}) RETURN n
  UNION ALL
  MATCH (n:Progress {id: id}) RETURN n
}
WITH n, CASE WHEN n:Area THEN 'Area' WHEN n:Park THEN 'Park' WHEN n:Chain THEN 'Chain' WHEN n:Segment THEN 'Segment' WHEN n:Enterprise THEN 'Enterprise' WHEN n:Unit THEN 'Unit' WHEN n:Action THEN 'Action' WHEN n:Task THEN 'Task' WHEN n:Gap THEN 'Gap' WHEN n:Target THEN 'Target' WHEN n:Progress THEN 'Progress' END AS label
WHERE label IN $labels
RETURN n.id AS id, label, coalesce(n.name, n.id) AS name, CASE WHEN $withProperties THEN properties(n) END AS properties
