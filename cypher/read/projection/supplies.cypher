// read/projection/supplies: every SUPPLIES relation from the Enterprises of $ids (a page of read/projection/enterprise-ids) to an Enterprise, with its share, one row per relation (the analytic projection keeps numbers only, no product); params $ids
UNWIND $ids AS id
MATCH (a:Enterprise {id: id})-[r:SUPPLIES]->(b:Enterprise)
RETURN a.id AS supplier, b.id AS buyer, r.share AS share
