// read/import/supplies: every Enterprise SUPPLIES Enterprise relation with product and share in one read, what read/import/supplies-page gives page by page (tests compare the two; at tier L one read outlasts Grafeo's 30 s query limit, so the product reads pages); params none
MATCH (a:Enterprise)-[r:SUPPLIES]->(b:Enterprise)
RETURN a.id AS supplier, b.id AS buyer, r.product AS product, r.share AS share
