// write/import/project-in-chain: link each Project r.project to the Chain r.target by IN_CHAIN (a chain it belongs to); params $rows
UNWIND $rows AS r
MATCH (p:Project {id: r.project})
MATCH (x:Chain {id: r.target})
MERGE (p)-[:IN_CHAIN]->(x)
