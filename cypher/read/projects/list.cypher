// read/projects/list: Projects with their area, park, investor, units, segments, chains and gaps, filtered by ids, stages, areas, chain, unit (lead or 包保), investment band (亿元, min inclusive, max exclusive), gap and segment (a null filter matches all); params $ids, $stages, $areaIds, $chainId, $unitId, $minInvestment, $maxInvestment, $gapId, $segmentId
MATCH (p:Project)
WHERE ($ids IS NULL OR p.id IN $ids)
  AND ($stages IS NULL OR p.stage IN $stages)
  AND ($minInvestment IS NULL OR p.investment >= $minInvestment)
  AND ($maxInvestment IS NULL OR p.investment < $maxInvestment)
// pattern comprehensions, not OPTIONAL MATCH: Grafeo plans those as a scan of every node joined afterwards
WITH p,
     head([(p)-[:IN_AREA]->(pa:Area) | pa]) AS a,
     head([(p)-[:IN_PARK]->(pk:Park) | pk]) AS k,
     head([(pe:Enterprise)-[:INVESTS_IN]->(p) | pe]) AS investor,
     head([(pu:Unit)-[:PROMOTES]->(p) | pu]) AS lead,
     [(p)-[:AT]->(s:Segment) | {id: s.id, name: s.name, nameEn: s.nameEn}] AS segments,
     [(p)-[:IN_CHAIN]->(c:Chain) | {id: c.id, name: c.name, nameEn: c.nameEn}] AS chains,
     [(p)-[:FILLS]->(g:Gap) | g.id] AS gapIds,
     [(u:Unit)-[:LOOKS_AFTER]->(p) | {id: u.id, name: u.name}] AS lookAfterUnits
WHERE ($areaIds IS NULL OR a.id IN $areaIds)
  AND ($chainId IS NULL OR any(c IN chains WHERE c.id = $chainId))
  AND ($segmentId IS NULL OR any(s IN segments WHERE s.id = $segmentId))
  AND ($gapId IS NULL OR $gapId IN gapIds)
  AND ($unitId IS NULL OR lead.id = $unitId OR any(u IN lookAfterUnits WHERE u.id = $unitId))
RETURN properties(p) AS props,
       CASE WHEN a IS NULL THEN null ELSE {id: a.id, name: a.name, nameEn: a.nameEn} END AS area,
       CASE WHEN k IS NULL THEN null ELSE {id: k.id, name: k.name} END AS park,
       CASE WHEN investor IS NULL THEN null ELSE {id: investor.id, name: investor.name} END AS investor,
       CASE WHEN lead IS NULL THEN null ELSE {id: lead.id, name: lead.name} END AS leadUnit,
       lookAfterUnits, segments, chains, gapIds
ORDER BY p.id
