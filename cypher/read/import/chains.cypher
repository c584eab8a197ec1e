// read/import/chains: every Chain (id, names), to resolve 产业链 in segment imports; params none
MATCH (c:Chain)
RETURN c.id AS id, c.name AS name, c.nameEn AS nameEn
