// read/explore/search-names-status: the version of the search names every searchable node carries (Meta {id: 'search-names'}, written when the last node without them got them), or null when some may lack them; params none
OPTIONAL MATCH (m:Meta {id: 'search-names'})
RETURN m.version AS version
