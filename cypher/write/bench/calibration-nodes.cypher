// write/bench/calibration-nodes: nodes of the benchmark's fixed calibration graph (an in-memory store of its own, never the product's); params $rows
UNWIND $rows AS r
CREATE (:Enterprise {id: r.id, output: r.output, local: r.local})
