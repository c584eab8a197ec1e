import { loadConfig } from '../../server/config.ts';
import { createStore } from '../../server/store/create-store.ts';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';
import type { Store } from '../../server/store/store.ts';
import { neo4jPlainRow } from '../../server/store/neo4j-plain.ts';

/**
 * Which store the tests of this vitest project run on: 'neo4j' in the project "neo4j"
 * (vitest.config.ts, only when NEO4J_URI is set), else the embedded store.
 */
export const TEST_STORE: 'embedded' | 'neo4j' = process.env.TEST_STORE === 'neo4j' ? 'neo4j' : 'embedded';

/**
 * A fresh, empty store with its schema applied: a new in-memory Grafeo, or, on Neo4j,
 * the one database of the server emptied. Neo4j Community has a single database, so
 * opening a second store empties the first: a suite holds one store at a time (the
 * project runs its files one after another).
 */
export async function openTestStore(): Promise<Store> {
  if (TEST_STORE === 'embedded') {
    const store = EmbeddedStore.open(':memory:');
    await store.applySchema();
    return store;
  }
  const store = await createStore(loadConfig(['--store', 'neo4j'], process.env));
  await store.run('write/reset-graph', { keep: [] });
  return store;
}

/**
 * Runs Cypher text that is not in cypher/ (a test's own probe, or the Cypher export
 * replayed as an operator would with cypher-shell) on the store's engine; rows as plain objects.
 */
export async function runRawCypher(store: Store, text: string): Promise<Record<string, unknown>[]> {
  if (store instanceof EmbeddedStore) {
    const db = (store as unknown as { db: { executeCypher(q: string): Promise<{ toArray(): Record<string, unknown>[] }> } }).db;
    return (await db.executeCypher(text)).toArray();
  }
  const driver = (store as unknown as { driver: import('neo4j-driver').Driver }).driver;
  const { records } = await driver.executeQuery(text);
  return records.map((r) => neo4jPlainRow(r.toObject()));
}
