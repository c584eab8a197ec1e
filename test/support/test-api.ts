import { DISABLED_AUTH } from '../../server/auth/auth-options.ts';
import { createGraphQLServer } from '../../server/graphql/yoga.ts';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface TestApi {
  store: EmbeddedStore;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }>;
  close(): Promise<void>;
}

/** A fresh in-memory store filled by `build`, and a GraphQL client through yoga.fetch (no port, access control off). */
export async function createTestApi(build: (store: EmbeddedStore) => Promise<unknown>): Promise<TestApi> {
  const store = EmbeddedStore.open(':memory:');
  await store.applySchema();
  await build(store);
  const yoga = createGraphQLServer({ store, graphiql: false, auth: DISABLED_AUTH });
  return {
    store,
    async gql(query, variables = {}) {
      const res = await yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return res.json();
    },
    close: () => store.close(),
  };
}
