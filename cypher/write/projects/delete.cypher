// write/projects/delete: delete a Project and its events; params $id
MATCH (p:Project {id: $id})
CALL (p) {
  MATCH (e:ProjectEvent)-[:EVENT_OF]->(p)
  DETACH DELETE e
}
DETACH DELETE p
RETURN $id AS id
