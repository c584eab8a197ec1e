// read/import/enterprises: every Enterprise with the fields an import may change and its area in one read, what read/import/enterprise-page gives page by page (tests compare the two; at tier L one read outlasts Grafeo's 30 s query limit, so the product reads pages); params none
MATCH (e:Enterprise)
OPTIONAL MATCH (e)-[:LOCATED_IN]->(a:Area)
RETURN e.id AS id, e.name AS name, e.shortName AS shortName, e.uscc AS uscc, e.output AS output,
       e.aboveScale AS aboveScale, e.tags AS tags, e.founded AS founded, e.local AS local, e.region AS region,
       e.province AS province, e.city AS city, e.district AS district, e.industryCode AS industryCode, e.businessScope AS businessScope, e.mainProducts AS mainProducts, e.areaId AS areaIdProperty, collect(a.id) AS areaIds
