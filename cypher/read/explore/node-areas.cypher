// read/explore/node-areas: for each node of $ids, the ids of the Areas it is LOCATED_IN (an empty list for none); params $ids
UNWIND $ids AS id
MATCH (n {id: id})
RETURN n.id AS id, [(n)-[:LOCATED_IN]->(a:Area) | a.id] AS areaIds
