// read/explore/edges-by-label: the relationships leaving the nodes of $byLabel (explorable label → ids carrying it as their first explorable label, as the explore projection knows them) whose end node is among $among (a map from node id to true), with their properties, in no particular order; one index lookup per id, where read/explore/edges-from tries every label; params $byLabel, $among
WITH $among AS among
CALL () {
  UNWIND $byLabel.Area AS id
  MATCH (a:Area {id: id})
  RETURN a, id
  UNION ALL
  UNWIND $byLabel.Park AS id
  MATCH (a:Park {id: id})
  RETURN a, id
  UNION ALL
  UNWIND $byLabel.Chain AS id
  MATCH (a:Chain {id: id})
  RETURN a, id
  UNION ALL
  UNWIND $byLabel.Segment AS id
  MATCH (a:Segment {id: id})
  RETURN a, id
  UNION ALL
  UNWIND $byLabel.Enterprise AS id
  MATCH (a:Enterprise {id: id})
  RETURN a, id
  UNION ALL
  UNWIND $byLabel.Unit AS id
  MATCH (a:Unit {id: id})
  RETURN a, id
  UNION ALL
  UNWIND $byLabel.Action AS id
  MATCH (a:Action {id: id})
  RETURN a, id
  UNION ALL
  UNWIND $byLabel.Task AS id
  MATCH (a:Task {id: id})
  RETURN a, id
  UNION ALL
  UNWIND $byLabel.Gap AS id
  MATCH (a:Gap {id: id})
  RETURN a, id
  UNION ALL
  UNWIND $byLabel.Target AS id
  MATCH (a:Target {id: id})
  RETURN a, id
  UNION ALL
  UNWIND $byLabel.Progress AS id
  MATCH (a:Progress {id: id})
  RETURN a, id
}
MATCH (a)-[r]->(b)
WHERE among[b.id] = true
RETURN type(r) AS type, id AS source, b.id AS target, properties(r) AS properties
