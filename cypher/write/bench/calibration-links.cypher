// write/bench/calibration-links: SUPPLIES of the benchmark's fixed calibration graph (an in-memory store of its own, never the product's); params $rows
UNWIND $rows AS r
MATCH (a:Enterprise {id: r.from})
MATCH (b:Enterprise {id: r.to})
CREATE (a)-[:SUPPLIES {share: r.share}]->(b)
