// read/explore/shortest-path: one shortest path of at most 6 relationships of any type, either direction, between the nodes with ids $from and $to; params $from, $to
MATCH p = shortestPath((a {id: $from})-[*..6]-(b {id: $to}))
RETURN [n IN nodes(p) | {id: n.id, label: labels(n)[0], name: coalesce(n.name, n.id), properties: properties(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)}] AS edges
