import { afterAll, beforeAll, expect, it } from 'vitest';
import { UnknownQueryError } from '../../server/store/cypher-library.ts';
import type { Store } from '../../server/store/store.ts';

interface CountRow {
  kind: string;
  name: string;
  count: number;
}

const area = (id: string, name: string) => ({ id, name, nameEn: null, level: 'city', local: false, origin: 'user', source: null, sourceText: null });

async function areaCount(store: Store): Promise<number> {
  const rows = await store.run<CountRow>('read/graph-counts');
  return rows.find((r) => r.kind === 'node' && r.name === 'Area')?.count ?? 0;
}

/**
 * What every backend must do, run against each: the embedded store always,
 * Neo4j when NEO4J_URI is set. The store given must be empty and disposable.
 */
export function storeContract(openStore: () => Promise<Store>): void {
  let store: Store;
  beforeAll(async () => {
    store = await openStore();
  });
  afterAll(async () => {
    await store.run('write/reset-graph', { keep: [] });
    await store.close();
  });

  it('answers health with its kind', async () => {
    expect(await store.health()).toMatchObject({ reachable: true });
  });

  it('writes, then reads back plain numbers', async () => {
    await store.run('write/seed/areas', { rows: [area('area:t1', '测试市'), area('area:t2', '测试县')] });
    const count = await areaCount(store);
    expect(count).toBe(2);
    expect(typeof count).toBe('number');
  });

  it('commits a transaction only when all of its work succeeds', async () => {
    const before = await areaCount(store);
    await expect(
      store.transaction(async (tx) => {
        await tx.run('write/seed/areas', { rows: [area('area:t3', '回滚市')] });
        throw new Error('second step failed');
      }),
    ).rejects.toThrow('second step failed');
    expect(await areaCount(store)).toBe(before);

    await store.transaction(async (tx) => {
      await tx.run('write/seed/areas', { rows: [area('area:t3', '提交市')] });
      await tx.run('write/seed/areas', { rows: [area('area:t4', '提交县')] });
    });
    expect(await areaCount(store)).toBe(before + 2);
  });

  it('names an unknown query and the file it looked for', async () => {
    // @ts-expect-error an unknown query name fails the typecheck too
    await expect(store.run('read/no-such-query')).rejects.toThrow(UnknownQueryError);
    // @ts-expect-error as above
    await expect(store.run('read/no-such-query')).rejects.toThrow('cypher/read/no-such-query.cypher');
  });
}
