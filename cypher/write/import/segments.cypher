// write/import/segments: create or update Segment nodes by id, setting only the properties the file gives; params $rows
UNWIND $rows AS r
MERGE (s:Segment {id: r.id})
SET s += r.props
