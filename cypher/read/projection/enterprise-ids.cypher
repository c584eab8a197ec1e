// read/projection/enterprise-ids: the id of every Enterprise, ordered by id (the analytic projection numbers enterprises in this order, then reads them in pages: read/projection/enterprises, read/projection/supplies); params none
MATCH (e:Enterprise)
RETURN e.id AS id
ORDER BY id
