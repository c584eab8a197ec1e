// write/enterprises/remove-supplies: remove SUPPLIES from $fromId to $toId (only of $product when it is not null); params $fromId, $toId, $product
MATCH (:Enterprise {id: $fromId})-[s:SUPPLIES]->(:Enterprise {id: $toId})
WHERE $product IS NULL OR s.product = $product
DELETE s
RETURN count(*) AS removed
