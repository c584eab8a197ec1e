// read/import/enterprise-key-page: the Enterprises of $ids (a page of read/projection/enterprise-ids, through the id index) with what a link import finds them by (id, name, uscc) — not the fields read/import/enterprise-page gives an enterprise import to compare (a million enterprises' full records were most of a link import's heap and reading time); params $ids
UNWIND $ids AS id
MATCH (e:Enterprise {id: id})
RETURN e.id AS id, e.name AS name, e.uscc AS uscc
