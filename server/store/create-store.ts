import type { StoreConfig } from './store-config.ts';
import { EmbeddedStore } from './embedded-store.ts';
import { Neo4jStore } from './neo4j-store.ts';
import type { Store } from './store.ts';

/** Opens the store the config names and applies its schema. */
export async function createStore(config: StoreConfig): Promise<Store> {
  const store = config.store === 'neo4j' ? await Neo4jStore.connect(config.neo4j) : EmbeddedStore.open(config.dataDir);
  await store.applySchema();
  return store;
}
