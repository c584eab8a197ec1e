// read/projection/explore-relationships: every relationship between two nodes carrying explorable domain labels, one row per relationship (a relationship stored twice gives two rows), with whether it has properties (the explore projection's adjacency; properties are read for the edges shown only, read/explore/edges-by-label) — except the ones the analytic projection has read already: Enterprise SUPPLIES Enterprise, OPERATES_IN Segment, LOCATED_IN Area; params none
MATCH (a)-[r]->(b)
WHERE (a:Area OR a:Park OR a:Chain OR a:Segment OR a:Enterprise OR a:Unit OR a:Action OR a:Task OR a:Gap OR a:Target OR a:Progress) AND (b:Area OR b:Park OR b:Chain OR b:Segment OR b:Enterprise OR b:Unit OR b:Action OR b:Task OR b:Gap OR b:Target OR b:Progress)
  AND NOT (a:Enterprise AND ((type(r) = 'SUPPLIES' AND b:Enterprise) OR (type(r) = 'OPERATES_IN' AND b:Segment) OR (type(r) = 'LOCATED_IN' AND b:Area)))
RETURN a.id AS source, type(r) AS type, b.id AS target, size(keys(r)) > 0 AS hasProperties
