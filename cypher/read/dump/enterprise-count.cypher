// read/dump/enterprise-count: number of Enterprises, checked against the rows the paged enterprise export wrote; params none
MATCH (e:Enterprise)
RETURN count(e) AS enterprises
