// write/import/enterprise-create: create Enterprise nodes new to the store (the plan read every existing id in the same transaction), without an area; a batch as one list per property ($columns: id, name, …; a null property is not stored); params $columns
WITH $columns AS c
UNWIND range(0, size(c.id) - 1) AS i
CREATE (:Enterprise {
  id: c.id[i], name: c.name[i], shortName: c.shortName[i], uscc: c.uscc[i], output: c.output[i], aboveScale: c.aboveScale[i], tags: c.tags[i],
  founded: c.founded[i], areaId: c.areaId[i], local: c.local[i], region: c.region[i], province: c.province[i], city: c.city[i],
  district: c.district[i], industryCode: c.industryCode[i], businessScope: c.businessScope[i], mainProducts: c.mainProducts[i],
  searchName: c.searchName[i], searchShortName: c.searchShortName[i], origin: c.origin[i]
})
