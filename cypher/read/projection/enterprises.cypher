// read/projection/enterprises: every Enterprise with the fields the analyses use (name, region, output, aboveScale, tags, local) and the Areas it is LOCATED_IN (and those whose LOCATED_IN has properties, for the explore topology), ordered by id (the analytic projection's enterprise table); params none
MATCH (e:Enterprise)
RETURN e.id AS id, e.name AS name, e.region AS region, e.output AS output, e.aboveScale AS aboveScale, e.tags AS tags, e.local AS local,
       [(e)-[:LOCATED_IN]->(a:Area) | a.id] AS areaIds,
       [(e)-[l:LOCATED_IN]->(a:Area) WHERE size(keys(l)) > 0 | a.id] AS areaIdsWithProperties
ORDER BY id
