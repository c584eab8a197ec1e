// read/chains: every chain with its segment count and target output; params none
MATCH (c:Chain)
RETURN c.id AS id, c.name AS name, c.nameEn AS nameEn, c.targetOutput AS targetOutput,
       c.source AS source, c.sourceText AS sourceText,
       COUNT { (c)-[:HAS_SEGMENT]->(:Segment) } AS segmentCount
ORDER BY id
