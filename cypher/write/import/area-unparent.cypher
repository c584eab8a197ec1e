// write/import/area-unparent: removes an Area's PART_OF to any other parent than the one given (an area lies in one larger area); params $rows
UNWIND $rows AS r
MATCH (a:Area {id: r.area})-[old:PART_OF]->(o:Area)
WHERE o.id <> r.parent
DELETE old
