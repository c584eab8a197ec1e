// read/explore/nodes: the nodes with the given ids that carry one of $labels (the explorable domain labels), as graph elements, each looked up by id (areas: read/explore/node-areas); the label is the first explorable one, tested with n:Label because labels() is slow on Grafeo; params $ids, $labels
UNWIND $ids AS id
MATCH (n {id: id})
WITH n, CASE WHEN n:Area THEN 'Area' WHEN n:Park THEN 'Park' WHEN n:Chain THEN 'Chain' WHEN n:Segment THEN 'Segment' WHEN n:Enterprise THEN 'Enterprise' WHEN n:Unit THEN 'Unit' WHEN n:Action THEN 'Action' WHEN n:Task THEN 'Task' WHEN n:Gap THEN 'Gap' WHEN n:Target THEN 'Target' WHEN n:Progress THEN 'Progress' END AS label
WHERE label IN $labels
RETURN n.id AS id, label, coalesce(n.name, n.id) AS name, properties(n) AS properties
