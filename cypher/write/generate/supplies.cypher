// write/generate/supplies: create SUPPLIES (supplier to buyer) between generated enterprises with product, share and origin; params $rows
UNWIND $rows AS r
MATCH (a:Enterprise {id: r.from})
MATCH (b:Enterprise {id: r.to})
CREATE (a)-[:SUPPLIES {product: r.product, share: r.share, origin: r.origin}]->(b)
