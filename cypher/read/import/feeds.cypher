// read/import/feeds: every Segment FEEDS Segment pair, to tell new edges from existing ones in segment imports; params none
MATCH (a:Segment)-[:FEEDS]->(b:Segment)
RETURN a.id AS source, b.id AS target
