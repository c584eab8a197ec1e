// write/seed/supplies: Enterprise SUPPLIES Enterprise (supplier to buyer) with product and share of the buyer's need; params $rows
UNWIND $rows AS r
MATCH (a:Enterprise {id: r.from})
MATCH (b:Enterprise {id: r.to})
MERGE (a)-[s:SUPPLIES]->(b)
SET s.product = r.product, s.share = r.share, s.origin = r.origin
