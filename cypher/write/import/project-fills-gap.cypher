// write/import/project-fills-gap: link each Project r.project to the Gap r.target by FILLS (a gap it fills); params $rows
UNWIND $rows AS r
MATCH (p:Project {id: r.project})
MATCH (x:Gap {id: r.target})
MERGE (p)-[:FILLS]->(x)
