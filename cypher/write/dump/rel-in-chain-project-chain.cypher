// write/dump/rel-in-chain-project-chain: create IN_CHAIN relationships from Project to Chain (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Project {id: r.start})
MATCH (b:Chain {id: r.end})
CREATE (a)-[x:IN_CHAIN]->(b)
SET x = r.properties
