import type { Store } from '../../store/store.ts';
import type { NameIndex, NameMatch } from '../projection/name-index.ts';

export type { NameMatch };

/**
 * Where search finds its matches: the best `limit` nodes of `labels` whose
 * normalised names contain `q` or whose names contain `raw`, ranked exact >
 * prefix > contains, then name length, then id. The store's queries
 * (`cypherNameMatches`) or the in-memory name index
 * (server/services/projection/name-index.ts) give the same rows.
 */
export type NameMatches = (q: string, raw: string, labels: string[], limit: number) => Promise<NameMatch[]>;

/**
 * The contains scan stops after this many matches per label and limit unit
 * (so at most limit × 20 per label are ranked). Exact matches on searchName and
 * enterprise names come through indexes whatever the scan finds.
 */
const SCAN_FACTOR = 20;

/** Matches from read/explore/search-exact (lookup indexes) and read/explore/search (a CONTAINS scan of every name), ranked across labels. */
export const cypherNameMatches =
  (store: Store): NameMatches =>
  async (q, raw, labels, limit) => {
    const params = { q, raw, labels };
    const [exact, scanned] = await Promise.all([
      store.run<NameMatch>('read/explore/search-exact', params),
      store.run<NameMatch>('read/explore/search', { ...params, limit: limit * SCAN_FACTOR }),
    ]);
    const matches = new Map<string, NameMatch>();
    for (const m of [...exact, ...scanned]) if (!matches.has(m.id)) matches.set(m.id, m);
    return [...matches.values()]
      .sort((a, b) => a.rank - b.rank || (a.length ?? 0) - (b.length ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit);
  };

/** Matches from the name index (the same rows as `cypherNameMatches`, without reading every name). */
export const indexNameMatches =
  (index: NameIndex): NameMatches =>
  async (q, raw, labels, limit) =>
    index.find(q, raw, labels, limit);
