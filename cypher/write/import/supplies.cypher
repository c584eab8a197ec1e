// write/import/supplies: Enterprise SUPPLIES Enterprise (supplier to buyer), setting only the properties the file gives (product, share); params $rows
UNWIND $rows AS r
MATCH (a:Enterprise {id: r.supplier})
MATCH (b:Enterprise {id: r.buyer})
MERGE (a)-[s:SUPPLIES]->(b)
SET s += r.props
