// read/enterprises/list: ids of enterprises matching the filters (each null = any), ordered by id, after the id $after, at most $first; params $areaIds, $segmentId, $chainId, $local, $tags, $region, $aboveScale, $nameContains, $nameNormalised, $after, $first
MATCH (e:Enterprise)
WHERE ($after IS NULL OR e.id > $after)
  AND ($local IS NULL OR e.local = $local)
  AND ($region IS NULL OR e.region = $region)
  AND ($aboveScale IS NULL OR e.aboveScale = $aboveScale)
  AND ($tags IS NULL OR any(t IN e.tags WHERE t IN $tags))
  AND ($nameContains IS NULL OR e.name CONTAINS $nameContains OR e.shortName CONTAINS $nameContains OR e.searchName CONTAINS $nameNormalised)
  AND ($areaIds IS NULL OR EXISTS { MATCH (e)-[:LOCATED_IN]->(a:Area) WHERE a.id IN $areaIds })
  AND ($segmentId IS NULL OR EXISTS { MATCH (e)-[:OPERATES_IN]->(:Segment {id: $segmentId}) })
  AND ($chainId IS NULL OR EXISTS { MATCH (e)-[:OPERATES_IN]->(:Segment)<-[:HAS_SEGMENT]-(:Chain {id: $chainId}) })
RETURN e.id AS id
ORDER BY id
LIMIT $first
