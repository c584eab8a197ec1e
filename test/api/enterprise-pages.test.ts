import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFloorData } from '../../bench/lib/floor.ts';
import { importFile } from '../../server/services/import/import-file.ts';
import { loadEnterprises } from '../../server/services/import/reference.ts';
import { buildAnalyticGraph } from '../../server/services/projection/build-analytic-graph.ts';
import { enterpriseIds, readEnterprisePages } from '../../server/services/projection/enterprise-pages.ts';
import { buildExploreGraph } from '../../server/services/projection/explore-graph.ts';
import { readNameRows } from '../../server/services/projection/name-index-source.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { queryRunner, uncheckedRun, type QueryRunner, type Store } from '../../server/store/store.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';
import { foundIn } from '../import/helpers.ts';

type Operates = { enterprise: string; segment: string; role: string | null };
type Supplies = { supplier: string; buyer: string; product: string | null; share: number | null };

const byJson = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

/** Every read over all enterprises and their links in one query: at tier L (1M / 5M) each outlasts Grafeo's 30 s query limit. */
const WHOLE_STORE_READS = ['read/import/enterprises', 'read/import/operates-in', 'read/import/supplies'];

/** The store, with every query it runs (in a transaction too) recorded in `names`. */
function recording(store: Store, names: string[]): Store {
  const record = (runner: QueryRunner): QueryRunner => {
    const run = uncheckedRun(runner);
    return queryRunner((name, params) => {
      names.push(name);
      return run(name, params);
    });
  };
  return new Proxy(store, {
    get(target, key) {
      if (key === 'run') return record(target).run;
      if (key === 'transaction') return <T>(work: (tx: QueryRunner) => Promise<T>) => target.transaction((tx) => work(record(tx)));
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Reads over every enterprise go in pages of enterprise ids (enterprise-pages.ts):
 * the paged reads give exactly what the whole-store queries give, at every page
 * size, including pages that end right before or after the last enterprise.
 */
describe('reads over every enterprise, in pages', () => {
  let api: TestApi;
  let ids: string[];
  beforeAll(async () => {
    api = await createTestApi(loadSeeds);
    ids = await enterpriseIds(api.store);
  });
  afterAll(() => api?.close());

  const paged = async <T>(query: Parameters<typeof readEnterprisePages>[1], page: number) => {
    const rows: T[] = [];
    const starts: number[] = [];
    await readEnterprisePages<T>(
      api.store,
      query,
      ids,
      (r, at) => {
        starts.push(at);
        rows.push(...r);
      },
      page,
    );
    expect(starts).toEqual(Array.from({ length: Math.ceil(ids.length / page) }, (_, k) => k * page));
    return rows;
  };

  it('OPERATES_IN, SUPPLIES and the import’s enterprise rows: the same rows as the whole-store queries, at pages of 1, 7, n − 1, n and n + 1', async () => {
    const n = ids.length;
    expect(n).toBeGreaterThan(300);
    const operates = byJson(await api.store.run<Operates>('read/import/operates-in'));
    const supplies = byJson(await api.store.run<Supplies>('read/import/supplies'));
    expect(operates.length).toBeGreaterThan(300);
    expect(supplies.length).toBeGreaterThan(500);
    for (const page of [1, 7, n - 1, n, n + 1]) {
      expect(byJson(await paged<Operates>('read/import/operates-in-page', page)), `OPERATES_IN, page ${page}`).toEqual(operates);
      expect(byJson(await paged<Supplies>('read/import/supplies-page', page)), `SUPPLIES, page ${page}`).toEqual(supplies);
    }
    const whole = await api.store.run<{ id: string; name: string; uscc: string | null; areaIds: string[] }>('read/import/enterprises');
    const index = await loadEnterprises(api.store, n - 1);
    for (const e of whole) {
      const found = foundIn(index, e);
      expect(found && { ...found, areaIds: [...found.areaIds].sort() }, e.id).toEqual({ ...e, areaIds: e.areaIds.filter(Boolean).sort() });
    }
  });

  it('the analytics projection and the explore topology: the same arrays at every page size, an enterprise with links on each side of a boundary', async () => {
    const { store } = api;
    const whole = await buildAnalyticGraph(store, { page: 1_000_000 });
    const E = whole.enterprises;
    // a boundary between two enterprises that both have SUPPLIES, OPERATES_IN and LOCATED_IN
    const linked = (i: number) => E.outStart[i + 1]! > E.outStart[i]! && E.opStart[i + 1]! > E.opStart[i]! && E.locStart[i + 1]! > E.locStart[i]!;
    const boundary = E.ids.findIndex((_, i) => i > 0 && linked(i - 1) && linked(i));
    expect(boundary).toBeGreaterThan(0);
    const wholeTopology = await buildExploreGraph(store, whole, { page: 1_000_000 });
    for (const page of [1, boundary, E.ids.length - 1, E.ids.length]) {
      const graph = await buildAnalyticGraph(store, { page });
      expect({ ...graph, stats: null }, `analytic graph, page ${page}`).toEqual({ ...whole, stats: null });
      expect(graph.stats.rows).toBe(whole.stats.rows);
      const topology = await buildExploreGraph(store, graph, { page });
      expect({ ...topology, stats: null }, `topology, page ${page}`).toEqual({ ...wholeTopology, stats: null });
    }
  });

  it('a page size that is not a positive integer is refused, naming it', async () => {
    for (const page of [0, -1, 1.5, NaN]) {
      await expect(readEnterprisePages(api.store, 'read/import/enterprise-page', ids, () => undefined, page)).rejects.toThrow(
        /page must be a positive integer/,
      );
    }
  });

  it('the projection, the name index, the imports and the benchmark’s floor never read every enterprise or link in one query', async () => {
    const names: string[] = [];
    const store = recording(api.store, names);
    const graph = await buildAnalyticGraph(store);
    await buildExploreGraph(store, graph);
    await readNameRows(store);
    await readFloorData(store);
    await importFile(store, Buffer.from('企业名称,所属环节\n没有的公司,铸件\n'), 'o.csv', { kind: 'operates', dryRun: true });
    await importFile(store, Buffer.from('供应方,采购方\n没有的公司,也没有的公司\n'), 's.csv', { kind: 'supplies', dryRun: true });
    await importFile(store, Buffer.from('企业名称\n新的测试公司\n'), 'e.csv', { kind: 'enterprises', dryRun: true });
    for (const q of ['read/import/operates-in-page', 'read/import/supplies-page', 'read/import/enterprise-page', 'read/projection/supplies'])
      expect(names).toContain(q);
    expect(names.filter((q) => WHOLE_STORE_READS.includes(q))).toEqual([]);
  });
});
