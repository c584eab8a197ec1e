// read/seed/enterprise-summary: enterprises per region and origin, with total output (万元); params none
MATCH (e:Enterprise)
RETURN e.region AS region, e.origin AS origin, e.sample AS sample, count(e) AS enterprises, sum(e.output) AS output
ORDER BY region, origin
