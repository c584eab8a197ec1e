// read/gaps/area-ids: ids of every Area (the area scope "both plan areas": any area, the enterprise's `local` flag decides); params none
MATCH (a:Area)
RETURN a.id AS id
ORDER BY id
