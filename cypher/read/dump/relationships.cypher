// read/dump/relationships: every relationship between nodes without a label in $exclude, with its type, the labels and ids of its ends and its properties, in ONE query: what tests compare the paged dump with; at tier L it outlasts Grafeo's 30 s query limit, so the product never runs it; params $exclude
MATCH (a)-[r]->(b)
WHERE NOT any(l IN labels(a) + labels(b) WHERE l IN coalesce($exclude, []))
RETURN type(r) AS type, labels(a) AS startLabels, a.id AS start, labels(b) AS endLabels, b.id AS end, properties(r) AS properties
