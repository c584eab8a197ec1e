// write/import/supplies-update: set the changed properties (product, share) of existing Enterprise SUPPLIES Enterprise relations; params $rows
UNWIND $rows AS r
MATCH (a:Enterprise {id: r.supplier})-[s:SUPPLIES]->(b:Enterprise {id: r.buyer})
SET s += r.props
