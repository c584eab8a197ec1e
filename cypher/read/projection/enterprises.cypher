// read/projection/enterprises: the Enterprises of $ids (a page of read/projection/enterprise-ids, looked up through the id index) with the fields the analyses use (name, region, output, aboveScale, tags, local) and the Areas each is LOCATED_IN; params $ids
UNWIND $ids AS id
MATCH (e:Enterprise {id: id})
RETURN e.id AS id, e.name AS name, e.region AS region, e.output AS output, e.aboveScale AS aboveScale, e.tags AS tags, e.local AS local,
       [(e)-[:LOCATED_IN]->(a:Area) | a.id] AS areaIds
