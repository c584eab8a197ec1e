import { normaliseName } from '../../model/normalise-name.ts';
import type { QueryRunner, Store } from '../../store/store.ts';
import { SEARCH_LABELS } from '../explore/search.ts';

/** Nodes without searchName are backfilled in batches of this size. */
const BACKFILL_BATCH = 2000;

/**
 * The version of the stored search names (Meta {id: 'search-names'}): a store
 * without the current one is backfilled once at start. Raising it alone does
 * not recompute names already stored.
 */
export const SEARCH_NAMES_VERSION = '1';

/** `searchName` / `searchShortName` of a node's name and short name (what every write path stores). */
export function searchNamesOf(name: string, shortName: string | null | undefined): { searchName: string; searchShortName: string | null } {
  return { searchName: normaliseName(name), searchShortName: shortName ? normaliseName(shortName) : null };
}

/** Records that every searchable node carries search names (Meta {id: 'search-names'}). */
async function markSearchNamesComplete(runner: QueryRunner): Promise<void> {
  await runner.run('write/enterprises/search-names-complete', { version: SEARCH_NAMES_VERSION });
}

/**
 * Stores `searchName` / `searchShortName` on searchable nodes written without
 * them (seeds, dumps from older versions), so that name variants match, then
 * records that all have them. A scan of every searchable node: run after a seed
 * load, and at start only for a store that has no such record (ensureSearchNames).
 */
export async function backfillSearchNames(store: Store): Promise<number> {
  let written = 0;
  for (;;) {
    const rows = await store.run<{ id: string; name: string; shortName: string | null }>('read/explore/missing-search-names', {
      labels: [...SEARCH_LABELS],
      limit: BACKFILL_BATCH,
    });
    const batch = rows.map((r) => ({ id: r.id, ...searchNamesOf(r.name, r.shortName) }));
    if (batch.length > 0) await store.run('write/enterprises/search-names', { rows: batch, labels: [...SEARCH_LABELS] });
    written += rows.length;
    if (rows.length < BACKFILL_BATCH) break;
  }
  await markSearchNamesComplete(store);
  return written;
}

/**
 * At start: nothing to do when the store records that every searchable node
 * carries the current search names (every write path stores them); otherwise
 * (a store from an older version) one backfill scan, after which it does.
 * Returns the nodes written, or null when no scan was needed.
 */
export async function ensureSearchNames(store: Store): Promise<number | null> {
  const [status] = await store.run<{ version: string | null }>('read/explore/search-names-status');
  if (status?.version === SEARCH_NAMES_VERSION) return null;
  return backfillSearchNames(store);
}
