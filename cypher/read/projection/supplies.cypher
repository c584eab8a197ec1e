// read/projection/supplies: every Enterprise SUPPLIES Enterprise relation with its share, one row per relation (the analytic projection keeps numbers only, no product); params none
MATCH (a:Enterprise)-[r:SUPPLIES]->(b:Enterprise)
RETURN a.id AS supplier, b.id AS buyer, r.share AS share
