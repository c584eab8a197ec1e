// read/explore/nodes-by-label: the nodes of $byLabel (explorable label → ids carrying it as their first explorable label, as the explore projection knows them), as graph elements, in no particular order; one index lookup per id, where read/explore/nodes tries every label; params $byLabel, $withProperties (false: properties null, for callers that show ids, labels and names only; converting them is most of the read)
CALL () {
  UNWIND $byLabel.Area AS id
  MATCH (n:Area {id: id})
  RETURN n, 'Area' AS label
  UNION ALL
  UNWIND $byLabel.Park AS id
  MATCH (n:Park {id: id})
  RETURN n, 'Park' AS label
  UNION ALL
  UNWIND $byLabel.Chain AS id
  MATCH (n:Chain {id: id})
  RETURN n, 'Chain' AS label
  UNION ALL
  UNWIND $byLabel.Segment AS id
  MATCH (n:Segment {id: id})
  RETURN n, 'Segment' AS label
  UNION ALL
  UNWIND $byLabel.Enterprise AS id
  MATCH (n:Enterprise {id: id})
  RETURN n, 'Enterprise' AS label
  UNION ALL
  UNWIND $byLabel.Unit AS id
  MATCH (n:Unit {id: id})
  RETURN n, 'Unit' AS label
  UNION ALL
  UNWIND $byLabel.Action AS id
  MATCH (n:Action {id: id})
  RETURN n, 'Action' AS label
  UNION ALL
  UNWIND $byLabel.Task AS id
  MATCH (n:Task {id: id})
  RETURN n, 'Task' AS label
  UNION ALL
  UNWIND $byLabel.Gap AS id
  MATCH (n:Gap {id: id})
  RETURN n, 'Gap' AS label
  UNION ALL
  UNWIND $byLabel.Target AS id
  MATCH (n:Target {id: id})
  RETURN n, 'Target' AS label
  UNION ALL
  UNWIND $byLabel.Progress AS id
  MATCH (n:Progress {id: id})
  RETURN n, 'Progress' AS label
}
RETURN n.id AS id, label, coalesce(n.name, n.id) AS name, CASE WHEN $withProperties THEN properties(n) END AS properties
