// write/import/enterprise-update: set the changed properties (props) of existing Enterprise nodes; params $rows
UNWIND $rows AS r
MATCH (e:Enterprise {id: r.id})
SET e += r.props
