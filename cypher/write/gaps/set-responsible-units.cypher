// write/gaps/set-responsible-units: replace the RESPONSIBLE_FOR edges of a Gap by the given units ($units: list of {unitId, role} with role lead or support); params $gapId, $units
MATCH (g:Gap {id: $gapId})
CALL (g) {
  MATCH (:Unit)-[old:RESPONSIBLE_FOR]->(g)
  DELETE old
}
WITH g
UNWIND $units AS r
MATCH (u:Unit {id: r.unitId})
MERGE (u)-[x:RESPONSIBLE_FOR {role: r.role}]->(g)
RETURN count(x) AS linked
