// read/targets/chain-output: distinct local enterprises operating in a segment of any chain of $chainIds, located in one of $areaIds (anywhere when null), and their summed output in 万元; params $chainIds, $areaIds
MATCH (c:Chain)-[:HAS_SEGMENT]->(:Segment)<-[:OPERATES_IN]-(e:Enterprise)-[:LOCATED_IN]->(a:Area)
WHERE c.id IN $chainIds AND e.local = true AND ($areaIds IS NULL OR a.id IN $areaIds)
WITH DISTINCT e
RETURN count(e) AS enterprises, sum(coalesce(e.output, 0)) AS output
