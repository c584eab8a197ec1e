// read/explore/shortest-path: the shortest path (the first by the ids along it, then by each step's type and start node, when several are as short) of at most 6 chain relationships (supply, segment, task and duty links; not geography, which would join any two firms of one city), either direction, between the nodes with ids $from and $to; each id looked up through the unique id index of every label it may have (no label-less scan on Neo4j); the name is a CASE, not coalesce(n.name, n.id), because Neo4j 5.26 fails internally on coalesce beside n.id and properties(n) in one map; params $from, $to
CALL () {
  MATCH (a:Area {id: $from}) RETURN a
  UNION ALL
  MATCH (a:Park {id: $from}) RETURN a
  UNION ALL
  MATCH (a:Chain {id: $from}) RETURN a
  UNION ALL
  MATCH (a:Segment {id: $from}) RETURN a
  UNION ALL
  MATCH (a:Enterprise {id: $from}) RETURN a
  UNION ALL
  MATCH (a:Unit {id: $from}) RETURN a
  UNION ALL
  MATCH (a:Action {id: $from}) RETURN a
  UNION ALL
  MATCH (a:Task {id: $from}) RETURN a
  UNION ALL
  MATCH (a:Gap {id: $from}) RETURN a
  UNION ALL
  MATCH (a:Target {id: $from}) RETURN a
  UNION ALL
  MATCH (a:Progress {id: $from}) RETURN a
}
CALL () {
  MATCH (b:Area {id: $to}) RETURN b
  UNION ALL
  MATCH (b:Park {id: $to}) RETURN b
  UNION ALL
  MATCH (b:Chain {id: $to}) RETURN b
  UNION ALL
  MATCH (b:Segment {id: $to}) RETURN b
  UNION ALL
  MATCH (b:Enterprise {id: $to}) RETURN b
  UNION ALL
  MATCH (b:Unit {id: $to}) RETURN b
  UNION ALL
  MATCH (b:Action {id: $to}) RETURN b
  UNION ALL
  MATCH (b:Task {id: $to}) RETURN b
  UNION ALL
  MATCH (b:Gap {id: $to}) RETURN b
  UNION ALL
  MATCH (b:Target {id: $to}) RETURN b
  UNION ALL
  MATCH (b:Progress {id: $to}) RETURN b
}
MATCH p = allShortestPaths((a)-[:FEEDS|HAS_SEGMENT|OPERATES_IN|SUPPLIES|DEVELOPS|HAS_TASK|LEADS|SUPPORTS|AT|IN_CHAIN|FROM_TASK|RESPONSIBLE_FOR|MEASURES*..6]-(b))
// of all shortest paths the first by the ids along it, then by each step's type and start (two relationships
// between one pair, e.g. SUPPLIES both ways): the same answer on every engine
WITH p, reduce(key = '', n IN nodes(p) | key + n.id + '|') AS key,
     reduce(key = '', r IN relationships(p) | key + type(r) + ':' + startNode(r).id + '|') AS stepKey
ORDER BY key, stepKey
LIMIT 1
RETURN [n IN nodes(p) | {id: n.id, label: labels(n)[0], name: CASE WHEN n.name IS NULL THEN n.id ELSE n.name END, properties: properties(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)}] AS edges
