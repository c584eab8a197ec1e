// write/seed/unit-areas: Unit BELONGS_TO Area (the government a unit belongs to); params $rows
UNWIND $rows AS r
MATCH (u:Unit {id: r.unit})
MATCH (a:Area {id: r.area})
MERGE (u)-[:BELONGS_TO]->(a)
