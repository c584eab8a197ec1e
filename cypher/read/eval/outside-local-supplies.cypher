// read/eval/outside-local-supplies: every SUPPLIES from an external enterprise (local false or missing) to a local one (local true), for the ranking evaluation (bench/eval): the link's properties, the buyer's areas and segments, and the supplier's segments; no params
MATCH (x:Enterprise)-[r:SUPPLIES]->(b:Enterprise)
WHERE coalesce(x.local, false) = false AND b.local = true
RETURN x.id AS fromId, b.id AS toId, r.product AS product, r.share AS share, r.origin AS origin,
       [(b)-[:LOCATED_IN]->(a:Area) | a.id] AS buyerAreaIds,
       [(b)-[:OPERATES_IN]->(s:Segment) | s.id] AS buyerSegmentIds,
       [(x)-[:OPERATES_IN]->(s:Segment) | s.id] AS supplierSegmentIds
