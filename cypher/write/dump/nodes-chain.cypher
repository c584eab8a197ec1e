// write/dump/nodes-chain: create Chain nodes from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
CREATE (n:Chain)
SET n = r.properties
