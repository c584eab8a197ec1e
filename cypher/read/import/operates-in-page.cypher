// read/import/operates-in-page: the OPERATES_IN links of the Enterprises of $ids (a page of read/projection/enterprise-ids, through the id index) to Segments with their role, as read/import/operates-in gives them; a million enterprises in one read outlast Grafeo's 30 s query limit; params $ids
UNWIND $ids AS id
MATCH (e:Enterprise {id: id})-[o:OPERATES_IN]->(s:Segment)
RETURN e.id AS enterprise, s.id AS segment, o.role AS role
