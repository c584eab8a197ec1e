// read/import/supplies-page: the SUPPLIES relations from the Enterprises of $ids (a page of read/projection/enterprise-ids, through the id index) to Enterprises with product and share, as read/import/supplies gives them; five million relations in one read outlast Grafeo's 30 s query limit; params $ids
UNWIND $ids AS id
MATCH (a:Enterprise {id: id})-[r:SUPPLIES]->(b:Enterprise)
RETURN a.id AS supplier, b.id AS buyer, r.product AS product, r.share AS share
