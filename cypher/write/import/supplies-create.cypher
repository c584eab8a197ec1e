// write/import/supplies-create: create Enterprise SUPPLIES Enterprise relations new to the store (the plan read every existing pair in the same transaction) with their properties (product, share, origin); params $rows
UNWIND $rows AS r
MATCH (a:Enterprise {id: r.supplier})
MATCH (b:Enterprise {id: r.buyer})
CREATE (a)-[s:SUPPLIES]->(b)
SET s += r.props
