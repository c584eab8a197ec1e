// read/bench/calibration: the engine half of the benchmark's calibration figure: a fixed scan, two-hop expansion and aggregation over the calibration graph; params none
MATCH (a:Enterprise)-[r:SUPPLIES]->(b:Enterprise)-[:SUPPLIES]->(c:Enterprise)
WHERE c.local = true
RETURN count(*) AS paths, sum(r.share) AS share, count(DISTINCT a.id) AS suppliers, max(b.output) AS maxOutput
