// read/projects/nodes: properties of the Projects matching ids, stages and investment band (亿元, min inclusive, max exclusive; a null filter matches all); links come from read/projects/links; params $ids, $stages, $minInvestment, $maxInvestment
MATCH (p:Project)
WHERE ($ids IS NULL OR p.id IN $ids)
  AND ($stages IS NULL OR p.stage IN $stages)
  AND ($minInvestment IS NULL OR p.investment >= $minInvestment)
  AND ($maxInvestment IS NULL OR p.investment < $maxInvestment)
RETURN properties(p) AS props
