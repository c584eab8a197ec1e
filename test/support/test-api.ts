import { DISABLED_AUTH } from '../../server/auth/auth-options.ts';
import { createGraphQLServer } from '../../server/graphql/yoga.ts';
import type { Store } from '../../server/store/store.ts';
import { openTestStore } from './test-store.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface TestApi {
  store: Store;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }>;
  close(): Promise<void>;
}

/** A fresh test store (test-store.ts; or `own`, a store of the caller's) filled by `build`, and a GraphQL client through yoga.fetch (no port, access control off). */
export async function createTestApi(build: (store: Store) => Promise<unknown>, own?: Store): Promise<TestApi> {
  const store = own ?? (await openTestStore());
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
