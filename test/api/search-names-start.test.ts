import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createEnterprise } from '../../server/services/enterprises/write-enterprises.ts';
import { search } from '../../server/services/explore/search.ts';
import { ensureSearchNames } from '../../server/services/search-names/backfill-search-names.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';
import type { Store } from '../../server/store/store.ts';
import { openTestStore, runRawCypher, TEST_STORE } from '../support/test-store.ts';

const SCAN = 'read/explore/missing-search-names';
const scans = (run: { mock: { calls: unknown[][] } }) => run.mock.calls.filter((c) => c[0] === SCAN).length;

/**
 * Search names are kept on write (issue 17): a server start on an existing store
 * (what server/main.ts runs: ensureSearchNames) does not scan every searchable
 * node, and names written before the start are still found by their variants.
 */
describe('search names at start', () => {
  const dirs: string[] = [];
  const stores: Store[] = [];
  afterAll(async () => {
    for (const s of stores) await s.close().catch(() => undefined);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** A store closed and opened again (embedded: the same files; Neo4j: the same database). */
  async function reopen(store: Store, dir: string | null): Promise<Store> {
    if (!dir) return store;
    await store.close();
    const again = EmbeddedStore.open(dir);
    await again.applySchema();
    stores.push(again);
    return again;
  }

  it('a start on an existing store does no backfill scan, and search finds names written before it', async () => {
    const dir = TEST_STORE === 'embedded' ? path.join(tmpdir(), `i17-search-names-${process.pid}-${Date.now()}`) : null;
    if (dir) dirs.push(dir);
    let store: Store = dir ? EmbeddedStore.open(dir) : await openTestStore();
    if (dir) await store.applySchema();
    stores.push(store);
    await loadSeeds(store);
    const created = await createEnterprise(store, { name: '巢湖示例储能材料（安徽）有限公司', areaId: 'area:chaohu' });

    store = await reopen(store, dir);
    const run = vi.spyOn(store, 'run');
    expect(await ensureSearchNames(store)).toBeNull();
    expect(scans(run)).toBe(0);
    // the half-width, suffix-less variant matches only through the stored searchName
    const hits = await search(store, '巢湖示例储能材料(安徽)');
    expect(hits.map((h) => h.id)).toContain(created.id);
    expect(hits.find((h) => h.id === created.id)?.match).toBe('EXACT');
    run.mockRestore();
  });

  it('a store from an older version (no record, a node without search names) is backfilled once, then never scanned again', async () => {
    const store = await openTestStore();
    stores.push(store);
    await loadSeeds(store);
    const created = await createEnterprise(store, { name: '巢湖旧版示例科技有限责任公司', areaId: 'area:chaohu' });
    await runRawCypher(store, "MATCH (m:Meta {id: 'search-names'}) DELETE m");
    await runRawCypher(store, `MATCH (e:Enterprise {id: '${created.id}'}) REMOVE e.searchName, e.searchShortName`);

    const run = vi.spyOn(store, 'run');
    expect(await ensureSearchNames(store)).toBe(1);
    expect(scans(run)).toBeGreaterThan(0);
    run.mockClear();
    expect(await ensureSearchNames(store)).toBeNull();
    expect(scans(run)).toBe(0);
    expect((await search(store, '巢湖旧版示例科技')).map((h) => h.id)).toContain(created.id);
    run.mockRestore();
  });
});
