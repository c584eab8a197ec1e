// write/import/enterprise-create-located-operating: create Enterprise nodes new to the store LOCATED_IN their Area ($columns.area) and OPERATES_IN their first Segment ($columns.segment, $columns.role, the enterprise's origin) in one pattern — enterprise-create-located then operates-in-create looked each new enterprise up again by id (~10 µs a row of Grafeo's ~50); one list per property as in enterprise-create; params $columns
WITH $columns AS c
UNWIND range(0, size(c.id) - 1) AS i
MATCH (a:Area {id: c.area[i]})
MATCH (s:Segment {id: c.segment[i]})
CREATE (s)<-[:OPERATES_IN {role: c.role[i], origin: c.origin[i]}]-(:Enterprise {
  id: c.id[i], name: c.name[i], shortName: c.shortName[i], uscc: c.uscc[i], output: c.output[i], aboveScale: c.aboveScale[i], tags: c.tags[i],
  founded: c.founded[i], areaId: c.areaId[i], local: c.local[i], region: c.region[i], province: c.province[i], city: c.city[i],
  district: c.district[i], industryCode: c.industryCode[i], businessScope: c.businessScope[i], mainProducts: c.mainProducts[i],
  searchName: c.searchName[i], searchShortName: c.searchShortName[i], origin: c.origin[i]
})-[:LOCATED_IN]->(a)
