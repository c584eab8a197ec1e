// write/dump/rel-in-chain-gap-chain: create IN_CHAIN relationships from Gap to Chain (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Gap {id: r.start})
MATCH (b:Chain {id: r.end})
CREATE (a)-[x:IN_CHAIN]->(b)
SET x = r.properties
