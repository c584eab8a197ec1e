import { describe } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { createStore } from '../../server/store/create-store.ts';
import { storeContract } from './store-contract.ts';

const uri = process.env.NEO4J_URI;
if (!uri) console.warn('Neo4j store tests SKIPPED: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) to a scratch database to run them');

// These tests empty the database they are given: point NEO4J_DATABASE at a scratch database.
describe.runIf(uri)('Neo4j store', () => {
  storeContract(async () => {
    const store = await createStore(loadConfig(['--store', 'neo4j'], process.env));
    await store.run('write/reset-graph', { keep: [] });
    return store;
  });
});
