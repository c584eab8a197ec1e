// read/explore/node-areas: for each node of $ids, the ids of the Areas it is LOCATED_IN (an empty list for none); each id looked up through the unique id index of every label it may have (no label-less scan on Neo4j); the MATCH (n) after it makes n a node again for Grafeo's pattern comprehensions; params $ids
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Area {id: id}) RETURN n
  UNION ALL
  MATCH (n:Park {id: id}) RETURN n
  UNION ALL
  MATCH (n:Chain {id: id}) RETURN n
  UNION ALL
  MATCH (n:Segment {id: id}) RETURN n
  UNION ALL
  MATCH (n:Enterprise {id: id}) RETURN n
  UNION ALL
  MATCH (n:Unit {id: id}) RETURN n
  UNION ALL
  MATCH (n:Action {id: id}) RETURN n
  UNION ALL
  MATCH (n:Task {id: id}) RETURN n
  UNION ALL
  MATCH (n:Gap {id: id}) RETURN n
  UNION ALL
  MATCH (n:Target {id: id}) RETURN n
  UNION ALL
  MATCH (n:Progress {id: id}) RETURN n
}
MATCH (n)
RETURN n.id AS id, [(n)-[:LOCATED_IN]->(a:Area) | a.id] AS areaIds
