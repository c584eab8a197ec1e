// read/explore/search-context: for each search hit in $ids (of the searchable labels), its label, names, aliases, areas (LOCATED_IN/BELONGS_TO) and the segments or chains it belongs to and the chains having those; each id looked up through the unique id index of every label it may have (no label-less scan on Neo4j); the MATCH (n) after it makes n a node again for Grafeo's pattern comprehensions; params $ids
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Enterprise {id: id}) RETURN n
  UNION ALL
  MATCH (n:Segment {id: id}) RETURN n
  UNION ALL
  MATCH (n:Chain {id: id}) RETURN n
  UNION ALL
  MATCH (n:Unit {id: id}) RETURN n
}
MATCH (n)
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.shortName AS shortName, n.aliases AS aliases,
       [(n)-[:LOCATED_IN|BELONGS_TO]->(a:Area) | a.name] AS areas,
       [(n)-[:OPERATES_IN|HAS_SEGMENT]-(s) WHERE s:Segment OR s:Chain | {id: s.id, name: s.name}] AS segments,
       [(n)-[:OPERATES_IN|HAS_SEGMENT]-(s)<-[:HAS_SEGMENT]-(c:Chain) WHERE s:Segment OR s:Chain | {segmentId: s.id, name: c.name}] AS chains
