// write/import/supplies-create: create Enterprise SUPPLIES Enterprise relations new to the store (the plan read every existing pair in the same transaction); a batch as one list per field ($columns: supplier, buyer, product, share, origin; a null property is not stored); params $columns
WITH $columns AS c
UNWIND range(0, size(c.supplier) - 1) AS i
MATCH (a:Enterprise {id: c.supplier[i]})
MATCH (b:Enterprise {id: c.buyer[i]})
CREATE (a)-[:SUPPLIES {product: c.product[i], share: c.share[i], origin: c.origin[i]}]->(b)
