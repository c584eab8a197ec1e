// read/projection/enterprise-names: the Enterprises of $ids (a page of read/projection/enterprise-ids, looked up through the id index) with id, label, name, shortName and normalised searchName/searchShortName (the search's name index); params $ids
UNWIND $ids AS id
MATCH (n:Enterprise {id: id})
RETURN n.id AS id, 'Enterprise' AS label, n.name AS name, n.shortName AS shortName, n.searchName AS searchName, n.searchShortName AS searchShortName,
       null AS searchAliases
