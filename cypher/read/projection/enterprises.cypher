// read/projection/enterprises: the Enterprises of $ids (a page of read/projection/enterprise-ids, looked up through the id index) with the fields the analyses use (name, region, output, aboveScale, tags, local), the Areas each is LOCATED_IN and those whose LOCATED_IN has properties (for the explore topology); params $ids
UNWIND $ids AS id
MATCH (e:Enterprise {id: id})
RETURN e.id AS id, e.name AS name, e.region AS region, e.output AS output, e.aboveScale AS aboveScale, e.tags AS tags, e.local AS local,
       [(e)-[:LOCATED_IN]->(a:Area) | a.id] AS areaIds,
       [(e)-[l:LOCATED_IN]->(a:Area) WHERE size(keys(l)) > 0 | a.id] AS areaIdsWithProperties
