import type { StoreConfig } from './store-config.ts';
import { EmbeddedStore } from './embedded-store.ts';
import type { Store } from './store.ts';

/** Opens the store the config names and applies its schema. */
export async function createStore(config: StoreConfig): Promise<Store> {
  // the driver (~0.3 s to load) only when the store is Neo4j
  const store = config.store === 'neo4j' ? await (await import('./neo4j-store.ts')).Neo4jStore.connect(config.neo4j) : EmbeddedStore.open(config.dataDir);
  await store.applySchema();
  return store;
}
