// write/import/area-parent: Area PART_OF its parent (after write/import/area-unparent); params $rows
UNWIND $rows AS r
MATCH (a:Area {id: r.area})
MATCH (p:Area {id: r.parent})
MERGE (a)-[x:PART_OF]->(p)
SET x.origin = coalesce(x.origin, r.origin)
