import type { Store } from '../store/store.ts';

/** Entries kept per store; the oldest used goes first. */
const MAX_ENTRIES = 64;

interface Entry<T> {
  generation: number;
  value: Promise<T>;
}

const caches = new WeakMap<Store, Map<string, Entry<unknown>>>();

/**
 * In-process memo of a read-only computation over the whole store, keyed by
 * `key` and valid until the store's next committed write (`writeGeneration`).
 * Concurrent calls with the same key share one computation; a failed one is
 * not kept. On Neo4j the generation also moves every NEO4J_CACHE_SECONDS, for
 * the writes of other servers on the same database.
 */
export function analysisCache<T>(store: Store, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const generation = store.writeGeneration();
  const hit = cache.get(key);
  if (hit && hit.generation === generation) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit.value as Promise<T>;
  }
  const value = compute();
  const entry: Entry<unknown> = { generation, value };
  cache.set(key, entry);
  value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  for (const k of cache.keys()) {
    if (cache.size <= MAX_ENTRIES) break;
    cache.delete(k);
  }
  return value;
}
