import { describe, expect, it } from 'vitest';
import { returnColumns } from '../../server/store/return-columns.ts';
import type { QueryReturning } from '../../server/store/store.ts';

// The compile-time half of the typed query library: these lines only typecheck (npm run typecheck)
// while the row types match the columns generated from cypher/.
type SavedGapRow = { id: string; kind: string; segmentId: string };
const ok: QueryReturning<SavedGapRow> = 'read/gaps/saved-gaps';
// @ts-expect-error a row field the query does not return (saved gaps once lacked `via` this way)
const missingField: QueryReturning<SavedGapRow & { via: string }> = 'read/gaps/saved-gaps';
// @ts-expect-error a query name with no file in cypher/
const unknownName: QueryReturning<SavedGapRow> = 'read/gaps/no-such-query';
// Optional fields need not be returned by every query that fills the type.
const optional: QueryReturning<SavedGapRow & { via?: string }> = 'read/gaps/saved-gaps';

describe('returnColumns', () => {
  it('reads the aliases of the last top-level RETURN', () => {
    expect([ok, missingField, unknownName, optional].length).toBe(4);
    expect(returnColumns('MATCH (n) CALL { WITH n RETURN 1 AS inner } RETURN n.id AS id, n, count(*) AS `total` ORDER BY id LIMIT $limit')).toEqual(['id', 'n', 'total']);
    expect(returnColumns("MATCH (n {name: 'RETURN x'}) // RETURN y\nRETURN DISTINCT n.id AS id, xs[0..$limit] AS firstIds")).toEqual(['id', 'firstIds']);
    expect(returnColumns('MERGE (n:Meta {id: $id}) SET n += $props')).toEqual([]);
  });
});
