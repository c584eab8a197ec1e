import type { QueryRunner, Store } from '../../store/store.ts';
import { ENTERPRISE_PAGE, enterpriseIds, readEnterprisePages } from './enterprise-pages.ts';
import { NameIndexBuilder, type NameIndex, type NameRow } from './name-index.ts';
import { projectionLifecycle } from './projection-lifecycle.ts';

/**
 * Write queries that never change a searchable node's id, label or names:
 * users and sessions, audit entries, saved gaps, projects, targets, the seed
 * marker, relationships between existing nodes (OPERATES_IN, SUPPLIES,
 * LOCATED_IN, FEEDS, HAS_SEGMENT, a project's links), areas. Any other write
 * (creating, renaming or deleting enterprises, segments, chains or units;
 * storing search names) makes the index stale.
 */
const UNRELATED_WRITES = [
  'write/auth/',
  'write/audit/',
  'write/gaps/',
  'write/projects/',
  'write/targets/',
  'write/seed/meta',
  'write/enterprises/add-supplies',
  'write/enterprises/remove-supplies',
  'write/enterprises/set-operates-in',
  'write/enterprises/remove-operates-in',
  'write/enterprises/relocate',
  'write/enterprises/search-names-complete',
  'write/import/operates-in-',
  'write/import/supplies-',
  'write/import/enterprise-locate',
  'write/import/enterprise-unlocate',
  'write/import/feeds',
  'write/import/area',
  'write/import/chain-segments',
  'write/import/project-',
];

/** Whether a committed transaction that ran these queries may have changed what the name index holds. */
export const changesNames = (queryNames: readonly string[]): boolean =>
  queryNames.some((name) => !name.startsWith('read/') && !UNRELATED_WRITES.some((prefix) => name.startsWith(prefix)));

/** A current name index, with the data version it was read at. */
export interface NameIndexSource {
  index: NameIndex;
  version: number;
  /** Reading the rows out of the store (wall ms, the packing of the pages between the reads left out); the index's stats have the packing. */
  readMs: number;
}

/**
 * Every searchable node's names: segments, chains and units at once, enterprises
 * in pages of `page` ids (enterprise-pages.ts: at tier L one query for all would
 * outlast the embedded engine's 30 s query limit), each batch handed to `take`
 * (with how many rows come in all) and let go before the next is read.
 */
async function readNamePages(store: QueryRunner, take: (rows: NameRow[], expected: number) => void, { page = ENTERPRISE_PAGE } = {}): Promise<void> {
  const [rows, ids] = await Promise.all([store.run<NameRow>('read/projection/names'), enterpriseIds(store)]);
  const expected = rows.length + ids.length;
  take(rows, expected);
  await readEnterprisePages<NameRow>(store, 'read/projection/enterprise-names', ids, (pageRows) => take(pageRows, expected), page);
}

/** Every searchable node's names in one list: what tests compare with the store's queries (the index takes them page by page). */
export async function readNameRows(store: QueryRunner, options: { page?: number } = {}): Promise<NameRow[]> {
  const all: NameRow[] = [];
  await readNamePages(
    store,
    (rows) => {
      for (const r of rows) all.push(r);
    },
    options,
  );
  return all;
}

/**
 * Reads every searchable node's names and packs them into a NameIndex a page at
 * a time: no more than one page of rows is held (at tier L a million row objects
 * held at once were ~0.5 GB of heap).
 */
export async function buildNameIndex(store: QueryRunner, options: { page?: number } = {}): Promise<{ index: NameIndex; readMs: number }> {
  const t0 = performance.now();
  let builder: NameIndexBuilder | null = null;
  await readNamePages(store, (rows, expected) => (builder ??= new NameIndexBuilder(expected)).add(rows), options);
  const index = (builder ?? new NameIndexBuilder()).finish();
  // the packing of the pages is the index's build time; the rest is the reads'
  return { index, readMs: performance.now() - t0 - index.stats.buildMs };
}

const names = projectionLifecycle<NameIndexSource>(changesNames, async (store, version) => ({ ...(await buildNameIndex(store)), version }));

/**
 * The name index if it is current (no write that may change a name committed
 * since it was read), else null, and a rebuild starts in the background while
 * search answers from the store's queries. Off where projections are
 * (projection-lifecycle.ts: Neo4j without ANALYTICS_PROJECTION=on).
 */
export const nameIndexSource = (store: Store): NameIndexSource | null => names.current(store);

/** Waits until the name index is current; null when it is off for this store or writes kept coming. For the server's start, tests and the benchmark. */
export const nameIndexReady = (store: Store, attempts = 3): Promise<NameIndexSource | null> => names.ready(store, attempts);

/** Reads the name index out of the store now (not cached): what tests compare with the store's queries, and what the benchmark weighs. */
export const readNameIndex = (store: Store): Promise<NameIndexSource> => names.readNow(store);
