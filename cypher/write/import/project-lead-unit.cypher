// write/import/project-lead-unit: link each Project r.project to the Unit r.target by PROMOTES (the 招商 lead unit); params $rows
UNWIND $rows AS r
MATCH (p:Project {id: r.project})
MATCH (x:Unit {id: r.target})
MERGE (x)-[:PROMOTES]->(p)
