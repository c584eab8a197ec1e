// read/suppliers/candidate-peer-evidence: for the candidates $ids (a page of the ranking), every buyer operating in a segment of the local demand ($demandSegments: a map from segment ids to true), one entry per SUPPLIES and OPERATES_IN (near: the buyer is a local enterprise; the caller drops the local buyers of the scope); params $ids, $demandSegments
MATCH (x:Enterprise)
WHERE x.id IN $ids AND coalesce(x.local, false) = false
RETURN x.id AS id,
       [(x)-[:SUPPLIES]->(b:Enterprise)-[:OPERATES_IN]->(seg:Segment) WHERE $demandSegments[seg.id] = true
          | {buyerId: b.id, segmentId: seg.id, near: coalesce(b.local, false)}] AS peerBuyers
