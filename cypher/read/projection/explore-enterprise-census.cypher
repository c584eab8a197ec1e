// read/projection/explore-enterprise-census: how many Enterprise nodes there are and how many of them carry another explorable domain label (the explore projection takes the enterprises from the analytic graph's ids instead of a row per enterprise: it is used only when every enterprise is there, with one explorable label); params none
MATCH (n:Enterprise)
RETURN count(n) AS enterprises,
       count(CASE WHEN n:Area OR n:Park OR n:Chain OR n:Segment OR n:Unit OR n:Action OR n:Task OR n:Gap OR n:Target OR n:Progress THEN 1 END) AS multiLabelled
