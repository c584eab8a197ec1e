// read/import/gaps: every saved Gap with its segment and chain, to resolve 缺口编号 in project imports; params none
MATCH (g:Gap)-[:AT]->(s:Segment)
RETURN g.id AS id, s.id AS segmentId, head([(g)-[:IN_CHAIN]->(c:Chain) | c.id]) AS chainId
