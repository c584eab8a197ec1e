// read/import/enterprise-page: the Enterprises of $ids (a page of read/projection/enterprise-ids, through the id index) with the fields an import may change and their areas, as read/import/enterprises gives them; a million enterprises in one read outlast Grafeo's 30 s query limit; params $ids
UNWIND $ids AS id
MATCH (e:Enterprise {id: id})
RETURN e.id AS id, e.name AS name, e.shortName AS shortName, e.uscc AS uscc, e.output AS output,
       e.aboveScale AS aboveScale, e.tags AS tags, e.founded AS founded, e.local AS local, e.region AS region,
       e.province AS province, e.city AS city, e.district AS district, e.industryCode AS industryCode, e.businessScope AS businessScope, e.mainProducts AS mainProducts, e.areaId AS areaIdProperty,
       [(e)-[:LOCATED_IN]->(a:Area) | a.id] AS areaIds
