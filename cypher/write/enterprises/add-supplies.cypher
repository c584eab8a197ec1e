// write/enterprises/add-supplies: the Enterprise $fromId SUPPLIES $product to $toId covering $share of the buyer's need (one relationship per product); params $fromId, $toId, $product, $share
MATCH (a:Enterprise {id: $fromId})
MATCH (b:Enterprise {id: $toId})
MERGE (a)-[s:SUPPLIES {product: $product}]->(b)
SET s.share = $share, s.origin = 'user'
RETURN a.id AS id
