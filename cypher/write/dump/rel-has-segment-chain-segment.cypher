// write/dump/rel-has-segment-chain-segment: create HAS_SEGMENT relationships from Chain to Segment (matched by id) from a dump, each with its dumped properties; params $rows
UNWIND $rows AS r
MATCH (a:Chain {id: r.start})
MATCH (b:Segment {id: r.end})
CREATE (a)-[x:HAS_SEGMENT]->(b)
SET x = r.properties
