import { normaliseName } from '../../model/normalise-name.ts';
import type { Store } from '../../store/store.ts';
import { SEARCH_LABELS } from '../explore/search.ts';

/** Nodes without searchName are backfilled in batches of this size. */
const BACKFILL_BATCH = 2000;

/**
 * Stores `searchName` / `searchShortName` on searchable nodes written without
 * them (seeds, generated data, dumps from older versions), so that name
 * variants match. Runs after loading and at start, never on the search path:
 * it scans every searchable node.
 */
export async function backfillSearchNames(store: Store): Promise<number> {
  let written = 0;
  for (;;) {
    const rows = await store.run<{ id: string; name: string; shortName: string | null }>('read/explore/missing-search-names', {
      labels: [...SEARCH_LABELS],
      limit: BACKFILL_BATCH,
    });
    if (rows.length === 0) return written;
    const batch = rows.map((r) => ({
      id: r.id,
      searchName: normaliseName(r.name),
      searchShortName: r.shortName ? normaliseName(r.shortName) : null,
    }));
    await store.run('write/enterprises/search-names', { rows: batch, labels: [...SEARCH_LABELS] });
    written += rows.length;
    if (rows.length < BACKFILL_BATCH) return written;
  }
}
