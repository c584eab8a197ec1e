// write/import/project-look-after: link each Project r.project to the Unit r.target by LOOKS_AFTER (a 包保 unit); params $rows
UNWIND $rows AS r
MATCH (p:Project {id: r.project})
MATCH (x:Unit {id: r.target})
MERGE (x)-[:LOOKS_AFTER]->(p)
