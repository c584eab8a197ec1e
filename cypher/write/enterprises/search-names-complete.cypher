// write/enterprises/search-names-complete: records that every searchable node carries search names of $version (Meta {id: 'search-names'}), so that a start needs no scan; params $version
MERGE (m:Meta {id: 'search-names'})
SET m.version = $version
RETURN m.version AS version
