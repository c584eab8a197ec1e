// read/explore/area-descendants: ids of the Area $areaId and of every Area PART_OF it (up to 4 levels down); params $areaId
MATCH (sub:Area)-[:PART_OF*0..4]->(a:Area {id: $areaId})
RETURN DISTINCT sub.id AS id
