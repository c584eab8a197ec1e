// write/enterprises/search-names: store normalised searchName/searchShortName (computed by normaliseName) on searchable nodes of $labels; each id looked up through the unique id index of every label it may have (no label-less scan on Neo4j); params $rows, $labels
UNWIND $rows AS r
CALL (r) {
  MATCH (n:Enterprise {id: r.id}) RETURN n
  UNION ALL
  MATCH (n:Segment {id: r.id}) RETURN n
  UNION ALL
  MATCH (n:Chain {id: r.id}) RETURN n
  UNION ALL
  MATCH (n:Unit {id: r.id}) RETURN n
}
WITH n, r
WHERE any(l IN labels(n) WHERE l IN $labels)
SET n.searchName = r.searchName, n.searchShortName = r.searchShortName
