// write/projects/link-investors: link a Project to each Enterprise of $ids by INVESTS_IN (the enterprise that invests); params $id, $ids
UNWIND $ids AS xid
MATCH (p:Project {id: $id})
MATCH (x:Enterprise {id: xid})
MERGE (x)-[:INVESTS_IN]->(p)
RETURN count(x) AS linked
