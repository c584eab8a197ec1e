// read/audit/entity-by-id: labels and properties of the node with an id, whatever its label (audit before/after); each id looked up through the unique id index of every label it may have (no label-less scan on Neo4j); params $id
CALL () {
  MATCH (n:Area {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Park {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Chain {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Segment {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Enterprise {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Unit {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Action {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Task {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Gap {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Target {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Progress {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Project {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Baseline {id: $id}) RETURN n
  UNION ALL
  MATCH (n:User {id: $id}) RETURN n
  UNION ALL
  MATCH (n:ApiToken {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Session {id: $id}) RETURN n
  UNION ALL
  MATCH (n:AuditEntry {id: $id}) RETURN n
}
RETURN labels(n) AS labels, properties(n) AS properties
LIMIT 1
