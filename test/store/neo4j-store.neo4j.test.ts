import { describe } from 'vitest';
import { openTestStore } from '../support/test-store.ts';
import { storeContract } from './store-contract.ts';

// Runs in the vitest project "neo4j" only (NEO4J_URI set): the database it is given is emptied.
describe('Neo4j store', () => {
  storeContract(openTestStore);
});
