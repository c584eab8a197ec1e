// read/projection/explore-enterprise-relationships: the relationships from the Enterprises of $ids (a page of read/projection/enterprise-ids, looked up through the id index) to nodes carrying an explorable domain label, one row per relationship, with whether it has properties — except those the analytic projection has read already: SUPPLIES an Enterprise, OPERATES_IN a Segment, LOCATED_IN an Area; params $ids
UNWIND $ids AS id
MATCH (a:Enterprise {id: id})-[r]->(b)
WHERE (b:Area OR b:Park OR b:Chain OR b:Segment OR b:Enterprise OR b:Unit OR b:Action OR b:Task OR b:Gap OR b:Target OR b:Progress)
  AND NOT ((type(r) = 'SUPPLIES' AND b:Enterprise) OR (type(r) = 'OPERATES_IN' AND b:Segment) OR (type(r) = 'LOCATED_IN' AND b:Area))
RETURN a.id AS source, type(r) AS type, b.id AS target, size(keys(r)) > 0 AS hasProperties
