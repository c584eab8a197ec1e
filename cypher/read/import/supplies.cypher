// read/import/supplies: every Enterprise SUPPLIES Enterprise relation with product and share, to tell new relations from existing ones; params none
MATCH (a:Enterprise)-[r:SUPPLIES]->(b:Enterprise)
RETURN a.id AS supplier, b.id AS buyer, r.product AS product, r.share AS share
