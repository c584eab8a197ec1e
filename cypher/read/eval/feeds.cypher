// read/eval/feeds: every FEEDS between segments (upstream to downstream), for the ranking evaluation (bench/eval); no params
MATCH (a:Segment)-[:FEEDS]->(b:Segment)
RETURN a.id AS fromId, b.id AS toId
