// read/projection/names: every Segment, Chain and Unit (the searchable labels besides Enterprise, read in pages by read/projection/enterprise-names) with its id, label, name, shortName, normalised searchName/searchShortName and, for segments and chains, searchAliases (the search's name index); params none
MATCH (n:Segment)
RETURN n.id AS id, 'Segment' AS label, n.name AS name, n.shortName AS shortName, n.searchName AS searchName, n.searchShortName AS searchShortName,
       n.searchAliases AS searchAliases
UNION ALL
MATCH (n:Chain)
RETURN n.id AS id, 'Chain' AS label, n.name AS name, n.shortName AS shortName, n.searchName AS searchName, n.searchShortName AS searchShortName,
       n.searchAliases AS searchAliases
UNION ALL
MATCH (n:Unit)
RETURN n.id AS id, 'Unit' AS label, n.name AS name, n.shortName AS shortName, n.searchName AS searchName, n.searchShortName AS searchShortName,
       null AS searchAliases
