// write/seed/target-parts: a per-area Target PART_OF its whole Target and IN_AREA its area; params $rows
UNWIND $rows AS r
MATCH (p:Target {id: r.part})
MATCH (w:Target {id: r.whole})
MATCH (a:Area {id: r.area})
MERGE (p)-[po:PART_OF]->(w)
SET po.source = r.source, po.sourceText = r.sourceText
MERGE (p)-[i:IN_AREA]->(a)
SET i.source = r.source, i.sourceText = r.sourceText
