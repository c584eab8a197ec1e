// read/targets/area-metrics: figures over local enterprises located in one of $areaIds (all local enterprises when null): counts of 规上, 高新技术, 战新, 专精特新, 小巨人, output over 1亿/10亿/100亿元 (output is in 万元), and 规上 output in 万元; params $areaIds
MATCH (e:Enterprise)-[:LOCATED_IN]->(a:Area)
WHERE e.local = true AND ($areaIds IS NULL OR a.id IN $areaIds)
WITH DISTINCT e
RETURN count(e) AS enterprises,
       count(CASE WHEN e.aboveScale = true THEN 1 END) AS aboveScaleCount,
       sum(CASE WHEN e.aboveScale = true THEN coalesce(e.output, 0) ELSE 0 END) AS aboveScaleOutput,
       count(CASE WHEN e.output > 10000 THEN 1 END) AS over100m,
       count(CASE WHEN e.output > 100000 THEN 1 END) AS over1b,
       count(CASE WHEN e.output > 1000000 THEN 1 END) AS over10b,
       count(CASE WHEN '高新技术' IN coalesce(e.tags, []) THEN 1 END) AS highTech,
       count(CASE WHEN '战新' IN coalesce(e.tags, []) THEN 1 END) AS strategicEmerging,
       count(CASE WHEN '专精特新' IN coalesce(e.tags, []) THEN 1 END) AS specialised,
       count(CASE WHEN '小巨人' IN coalesce(e.tags, []) THEN 1 END) AS littleGiants
