// read/enterprises/by-uscc: ids of enterprises (other than $exceptId) holding the 统一社会信用代码 $uscc; params $uscc, $exceptId
MATCH (e:Enterprise {uscc: $uscc})
WHERE $exceptId IS NULL OR e.id <> $exceptId
RETURN e.id AS id
