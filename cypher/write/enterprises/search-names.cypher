// write/enterprises/search-names: store normalised searchName/searchShortName (computed by normaliseName) on searchable nodes of $labels; params $rows, $labels
UNWIND $rows AS r
MATCH (n {id: r.id})
WHERE any(l IN labels(n) WHERE l IN $labels)
SET n.searchName = r.searchName, n.searchShortName = r.searchShortName
