// write/import/project-investor: link each Project r.project to the Enterprise r.target by INVESTS_IN (the investing enterprise); params $rows
UNWIND $rows AS r
MATCH (p:Project {id: r.project})
MATCH (x:Enterprise {id: r.target})
MERGE (x)-[:INVESTS_IN]->(p)
