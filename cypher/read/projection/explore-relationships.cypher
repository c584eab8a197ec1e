// read/projection/explore-relationships: every relationship from a node carrying an explorable domain label other than Enterprise to a node carrying one, one row per relationship (a relationship stored twice gives two rows), with whether it has properties (the explore projection's adjacency; relationships from enterprises: read/projection/explore-enterprise-relationships; properties are read for the edges shown only, read/explore/edges-by-label); params none
MATCH (a)-[r]->(b)
WHERE (a:Area OR a:Park OR a:Chain OR a:Segment OR a:Unit OR a:Action OR a:Task OR a:Gap OR a:Target OR a:Progress) AND NOT a:Enterprise
  AND (b:Area OR b:Park OR b:Chain OR b:Segment OR b:Enterprise OR b:Unit OR b:Action OR b:Task OR b:Gap OR b:Target OR b:Progress)
RETURN a.id AS source, type(r) AS type, b.id AS target, size(keys(r)) > 0 AS hasProperties
