import { describe, expect, it } from 'vitest';
import { returnColumns } from '../../server/store/return-columns.ts';
import type { QueryReturning, QueryRunner } from '../../server/store/store.ts';

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

// store.run checks a query's parameters against its header (QueryParams, typed by server/store/param-types.ts),
// with or without an explicit row type. Never called: tsc checks it.
type UserRow = { name: string; role: string };
async function paramsAreChecked(store: QueryRunner): Promise<unknown[]> {
  const linkAreasOrParks = 'write/projects/link-areas' as 'write/projects/link-areas' | 'write/projects/link-parks';
  return [
    await store.run<UserRow>('read/auth/user-by-name', { name: 'a' }),
    await store.run('read/auth/user-by-name', { name: 'a' }),
    await store.run<UserRow>('read/auth/users'),
    // @ts-expect-error a header parameter missing
    await store.run<UserRow>('read/auth/user-by-name', {}),
    // @ts-expect-error no params for a query that names some
    await store.run('read/auth/user-by-name'),
    // @ts-expect-error a misnamed parameter
    await store.run<UserRow>('read/auth/user-by-name', { nam: 'a' }),
    // @ts-expect-error a misnamed parameter, no row type
    await store.run('read/auth/user-by-name', { nam: 'a' }),
    // @ts-expect-error a parameter of the wrong type
    await store.run<UserRow>('read/auth/user-by-name', { name: 1 }),
    // @ts-expect-error a parameter of the wrong type, no row type
    await store.run('read/auth/user-by-name', { name: 1 }),
    // @ts-expect-error params for a query that takes none
    await store.run<UserRow>('read/auth/users', { name: 'a' }),
    // a name chosen at run time among several queries takes params that suit each of them
    await store.run(linkAreasOrParks, { id: 'project:x', ids: [] }),
    // @ts-expect-error a parameter one of them needs is missing
    await store.run(linkAreasOrParks, { id: 'project:x' }),
  ];
}

describe('returnColumns', () => {
  it('reads the aliases of the last top-level RETURN', () => {
    expect([ok, missingField, unknownName, optional, paramsAreChecked].length).toBe(5);
    expect(returnColumns('MATCH (n) CALL { WITH n RETURN 1 AS inner } RETURN n.id AS id, n, count(*) AS `total` ORDER BY id LIMIT $limit')).toEqual([
      'id',
      'n',
      'total',
    ]);
    expect(returnColumns("MATCH (n {name: 'RETURN x'}) // RETURN y\nRETURN DISTINCT n.id AS id, xs[0..$limit] AS firstIds")).toEqual(['id', 'firstIds']);
    expect(returnColumns('MERGE (n:Meta {id: $id}) SET n += $props')).toEqual([]);
  });
});
