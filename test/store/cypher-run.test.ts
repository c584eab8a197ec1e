import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypherLibrary } from '../../server/store/cypher-library.ts';
import { returnColumns } from '../../server/store/return-columns.ts';
import { uncheckedRun, type QueryName, type Store } from '../../server/store/store.ts';
import { openTestStore, TEST_STORE } from '../support/test-store.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { EXAMPLE_PARAMS } from './example-params.ts';

/** Writes that would empty or reshape the seeded graph run last, each on its own fresh store. */
const DESTRUCTIVE = /^write\/(reset|restore)/;

describe(`every cypher/ file runs on the ${TEST_STORE} store`, () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
    await loadSeeds(store);
  });
  afterAll(() => store.close());

  const queries = [...cypherLibrary().values()].filter((q) => !q.name.startsWith('schema/'));
  it.each(queries.filter((q) => !DESTRUCTIVE.test(q.name)).map((q) => [q.name, q] as const))('%s', async (name, query) => {
    const params = EXAMPLE_PARAMS[name as QueryName] ?? Object.fromEntries(query.params.map((p) => [p, null]));
    const rows = await uncheckedRun(store)(name as QueryName, params);
    expect(Array.isArray(rows)).toBe(true);
    // The typed query library declares each query's row by its RETURN columns: the rows must carry exactly those keys.
    for (const row of rows.slice(0, 3)) expect(Object.keys(row).sort(), name).toEqual(returnColumns(query.text).sort());
  });

  it.each(queries.filter((q) => DESTRUCTIVE.test(q.name)).map((q) => [q.name, q] as const))('%s (on a fresh store)', async (name, query) => {
    const fresh = await openTestStore();
    try {
      const params = EXAMPLE_PARAMS[name as QueryName] ?? Object.fromEntries(query.params.map((p) => [p, null]));
      expect(Array.isArray(await uncheckedRun(fresh)(name as QueryName, params))).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('applies its schema again (idempotent)', async () => {
    await expect(store.applySchema()).resolves.toBeUndefined();
  });
});
