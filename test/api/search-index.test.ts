import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseName } from '../../server/model/normalise-name.ts';
import { cypherNameMatches, indexNameMatches } from '../../server/services/explore/name-matches.ts';
import { search, SEARCH_LABELS } from '../../server/services/explore/search.ts';
import { SyntheticGraph } from '../../server/services/generate/generate.ts';
import { loadGenerated } from '../../server/services/generate/load.ts';
import { buildNameIndex, nameIndexReady, nameIndexSource, readNameIndex, readNameRows } from '../../server/services/projection/name-index-source.ts';
import { NameIndex } from '../../server/services/projection/name-index.ts';
import { packedIndex } from '../support/packed-index.ts';
import { queryRunner, uncheckedRun, type Params } from '../../server/store/store.ts';
import { enableProjection } from '../../server/services/projection/projection-lifecycle.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import type { Store } from '../../server/store/store.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';

/** Label sets and limits the texts are searched with (each text with one of them in turn). */
const VARIANTS: { labels: string[]; limit: number }[] = [
  { labels: [...SEARCH_LABELS], limit: 50 },
  { labels: [...SEARCH_LABELS], limit: 20 },
  { labels: ['Enterprise'], limit: 5 },
  { labels: ['Segment', 'Chain'], limit: 50 },
  { labels: ['Unit'], limit: 1 },
  { labels: ['Chain', 'Enterprise'], limit: 3 },
];

/** Texts users type, from the names in the store: whole names and short names, their normalised forms, prefixes, middles, one and two characters, aliases, variants of legal form and brackets. */
async function textsOf(store: Store, every: number): Promise<string[]> {
  const rows = await readNameRows(store);
  const texts = new Set([
    '有限公司',
    '有限责任公司',
    '股份有限公司',
    '（巢湖）',
    '(巢湖)',
    '巢湖',
    '合肥',
    '科技',
    '市',
    '局',
    'ＢＭＳ',
    'bms',
    'BMS',
    '电池',
    '查无此名',
    'x',
    '零部件',
    '轻合金',
  ]);
  rows.forEach((r, i) => {
    if (i % every !== 0 && r.label === 'Enterprise') return;
    for (const name of [r.name, r.shortName, ...(Array.isArray(r.searchAliases) ? r.searchAliases : [])]) {
      if (typeof name !== 'string' || name.length === 0) continue;
      const chars = [...name];
      texts.add(name);
      texts.add(normaliseName(name));
      texts.add(chars.slice(0, 2).join(''));
      texts.add(chars.slice(0, 3).join(''));
      texts.add(chars.slice(2, 5).join(''));
      texts.add(chars.slice(-4).join(''));
      texts.add(chars[1 + (i % Math.max(1, chars.length - 1))] ?? chars[0]!);
      texts.add(name.replace('有限公司', '有限责任公司').replace('（', '(').replace('）', ')'));
      texts.add(name.replace('有限责任公司', '有限公司'));
    }
  });
  return [...texts].map((t) => t.trim()).filter((t) => t.length > 0);
}

/**
 * On Neo4j (one suite at a time, each store query a round trip) every third text
 * is compared: the engine's answers are what differs there, and CI stays short.
 */
const STRIDE = process.env.TEST_STORE === 'neo4j' ? 3 : 1;
const sampled = (texts: string[]) => texts.filter((_, i) => i % STRIDE === 0);

/** The index's matches and search hits equal the store queries' for every text, label set and limit; returns how many hits were compared. */
async function expectSameHits(store: Store, texts: string[]): Promise<number> {
  const { index } = await readNameIndex(store);
  expect(index.size).toBeGreaterThan(0);
  const fromIndex = indexNameMatches(index);
  const fromStore = cypherNameMatches(store);
  let hits = 0;
  for (const [i, raw] of texts.entries()) {
    const q = normaliseName(raw) || raw;
    const { labels, limit } = VARIANTS[i % VARIANTS.length]!;
    const mine = await fromIndex(q, raw, labels, limit);
    expect(mine, `${raw} ${labels.join('+')} ${limit}`).toEqual(await fromStore(q, raw, labels, limit));
    hits += mine.length;
    // the whole answer (context, alias, match kind) through the service, every few texts
    if (i % 11 === 0) {
      expect(await search(store, raw, {}, fromIndex), raw).toEqual(await search(store, raw, {}, fromStore));
    }
  }
  return hits;
}

/**
 * The name index (server/services/projection/name-index.ts) gives search the
 * same hits in the same order as the store's queries (read/explore/search and
 * search-exact): one and two characters, exact names, prefixes, middles,
 * aliases, raw and normalised names (有限公司 / 有限责任公司, （） / ()),
 * label filters, limits, no match; on the seed graph and on a generated store;
 * and a write is found right after it commits.
 */
describe('search name index: the same hits as the store queries', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(loadSeeds);
    enableProjection(api.store); // the embedded store has it already; on Neo4j the test opts in
  });
  afterAll(() => api?.close());

  it('on the seed graph', async () => {
    const texts = await textsOf(api.store, 3);
    expect(texts.length).toBeGreaterThan(300);
    expect(await expectSameHits(api.store, sampled(texts))).toBeGreaterThan(2000 / STRIDE);
  }, 240_000);

  it('after writes: a new enterprise and a renamed one are found right after they commit, through the store until the index is read again', async () => {
    const { store } = api;
    const ready = await nameIndexReady(store);
    expect(ready).not.toBeNull();
    expect(nameIndexSource(store)).toBe(ready);
    // writes that change no name keep the index current
    const status = await api.gql(`mutation { setGapStatus(id: "gap:plan-bms:chaohu", status: IN_PROGRESS) { id } }`);
    expect(status.errors).toBeUndefined();
    const op = await api.gql(`mutation { setOperatesIn(enterpriseId: "ent:s0001", segmentId: "seg:bms", role: "supplier") { id } }`);
    expect(op.errors).toBeUndefined();
    expect(nameIndexSource(store)).toBe(ready);

    const created = await api.gql(
      `mutation { createEnterprise(input: { name: "巢湖索引测试储能（安徽）有限责任公司", shortName: "索引储能", areaId: "area:chaohu" }) { id } }`,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createEnterprise.id;
    // stale at once: the next search answers from the store (and starts a rebuild)
    expect(nameIndexSource(store)).toBeNull();
    const find = async (text: string) => (await search(store, text)).map((h) => [h.id, h.match]);
    expect(await find('巢湖索引测试储能(安徽)有限公司')).toEqual([[id, 'EXACT']]);
    const rebuilt = await nameIndexReady(store);
    expect(rebuilt).not.toBe(ready);
    expect(nameIndexSource(store)).toBe(rebuilt);
    expect(await find('巢湖索引测试储能(安徽)有限公司')).toEqual([[id, 'EXACT']]);
    expect(await find('索引储')).toEqual([[id, 'PREFIX']]);

    const renamed = await api.gql(
      `mutation ($id: ID!) { updateEnterprise(id: $id, input: { name: "巢湖改名后的检测科技有限公司", shortName: "改名检测" }) { id } }`,
      { id },
    );
    expect(renamed.errors).toBeUndefined();
    expect(nameIndexSource(store)).toBeNull();
    expect(await find('改名后的检测')).toEqual([[id, 'CONTAINS']]);
    expect(await find('索引测试储能')).toEqual([]);
    await nameIndexReady(store);
    expect(nameIndexSource(store)).not.toBeNull();
    expect(await find('改名后的检测')).toEqual([[id, 'CONTAINS']]);
    expect(await find('索引测试储能')).toEqual([]);
    expect(await expectSameHits(store, ['改名', '巢湖改名后的检测科技有限责任公司', '索引储能', '改名检测', '检测科技'])).toBeGreaterThan(1);
  }, 120_000);
});

describe('search name index on a generated store', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(async (store) => {
      await loadSeeds(store);
      await loadGenerated(store, new SyntheticGraph({ enterprises: 2000, supplies: 2000, seed: 5 }));
    });
    enableProjection(api.store);
  }, 240_000);
  afterAll(() => api?.close());

  it('reads enterprises in pages (as tier L is): the same rows as read at once', async () => {
    const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const whole = await readNameRows(api.store, { page: 1_000_000 });
    expect(whole.filter((r) => r.label === 'Enterprise').length).toBeGreaterThan(2000);
    expect(byId(await readNameRows(api.store, { page: 333 }))).toEqual(byId(whole));
  }, 120_000);

  it('packs the names a page at a time: each page of rows is let go before the next is read (tier L held a million at once)', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const run = uncheckedRun(api.store);
    const pages: WeakRef<object>[] = [];
    // how many earlier pages' rows are still alive each time a page is asked for
    const alive: number[] = [];
    const spy = queryRunner(async <T>(name: string, params?: Params): Promise<T[]> => {
      if (name === 'read/projection/enterprise-names') {
        gc();
        alive.push(pages.filter((page) => page.deref()).length);
      }
      const rows = await run<T & object>(name, params);
      if (name === 'read/projection/enterprise-names' && rows[0]) pages.push(new WeakRef(rows[0]));
      return rows;
    });
    const { index } = await buildNameIndex(spy, { page: 100 });
    expect(pages.length).toBeGreaterThan(20);
    // the page before (and now and then the one before it) may still sit in the paging loop's frame or the collector's
    // bookkeeping until the next comes back; before, every page read so far was held
    expect(Math.max(...alive), `pages alive at each read: ${alive.join(' ')}`).toBeLessThanOrEqual(2);
    const whole = NameIndex.build(await readNameRows(api.store));
    expect(packedIndex(index)).toEqual(packedIndex(whole));
  }, 120_000);

  it('gives the same hits for names, parts of names and common words among thousands of similar names', async () => {
    const texts = await textsOf(api.store, 61);
    expect(texts.length).toBeGreaterThan(300);
    expect(await expectSameHits(api.store, sampled(texts))).toBeGreaterThan(3000 / STRIDE);
  }, 240_000);
});
