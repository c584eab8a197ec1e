// write/import/project-at-segment: link each Project r.project to the Segment r.target by AT (a segment it makes); params $rows
UNWIND $rows AS r
MATCH (p:Project {id: r.project})
MATCH (x:Segment {id: r.target})
MERGE (p)-[:AT]->(x)
