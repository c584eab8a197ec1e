// write/seed/gaps: merge Gap nodes by id, set their properties and link them AT a segment, IN_CHAIN, FOR_AREA and FROM_TASK; params $rows
UNWIND $rows AS r
MATCH (s:Segment {id: r.segment})
MATCH (c:Chain {id: r.chain})
MATCH (a:Area {id: r.area})
MATCH (t:Task {id: r.task})
MERGE (g:Gap {id: r.id})
SET g.kind = r.kind, g.status = r.status, g.origin = r.origin, g.note = r.note, g.reason = r.reason,
    g.updatedAt = r.updatedAt, g.source = r.source, g.sourceText = r.sourceText
MERGE (g)-[:AT]->(s)
MERGE (g)-[:IN_CHAIN]->(c)
MERGE (g)-[:FOR_AREA]->(a)
MERGE (g)-[:FROM_TASK]->(t)
