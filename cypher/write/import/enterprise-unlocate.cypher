// write/import/enterprise-unlocate: remove LOCATED_IN links of imported enterprises to areas other than their new one; params $rows
UNWIND $rows AS r
MATCH (e:Enterprise {id: r.enterprise})-[old:LOCATED_IN]->(o:Area)
WHERE o.id <> r.area
DELETE old
