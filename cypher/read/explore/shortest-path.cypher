// read/explore/shortest-path: one shortest path of at most 6 chain relationships (supply, segment, task and duty links; not geography, which would join any two firms of one city), either direction, between the nodes with ids $from and $to; params $from, $to
MATCH p = shortestPath((a {id: $from})-[:FEEDS|HAS_SEGMENT|OPERATES_IN|SUPPLIES|DEVELOPS|HAS_TASK|LEADS|SUPPORTS|AT|IN_CHAIN|FROM_TASK|RESPONSIBLE_FOR|MEASURES*..6]-(b {id: $to}))
RETURN [n IN nodes(p) | {id: n.id, label: labels(n)[0], name: coalesce(n.name, n.id), properties: properties(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)}] AS edges
