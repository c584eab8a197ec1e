// write/import/project-in-area: link each Project r.project to the Area r.target by IN_AREA (the area it is in); params $rows
UNWIND $rows AS r
MATCH (p:Project {id: r.project})
MATCH (x:Area {id: r.target})
MERGE (p)-[:IN_AREA]->(x)
