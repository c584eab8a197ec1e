// read/import/units: every Unit (id, name), to resolve 牵头单位 and 包保单位 in project imports; params none
MATCH (u:Unit)
RETURN u.id AS id, u.name AS name
