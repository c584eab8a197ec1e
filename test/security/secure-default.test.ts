import { describe, expect, it } from 'vitest';
import { createGraphQLServer } from '../../server/graphql/yoga.ts';
import { createHttpServer } from '../../server/http/create-http-server.ts';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';

// Access control is never off by omission: a caller that forgets `auth` (a JS caller, or a
// cast) is refused at construction instead of getting a server where everyone is admin.
describe('servers require their access settings', () => {
  it('createGraphQLServer without auth throws, naming the option', () => {
    const store = EmbeddedStore.open(':memory:');
    // @ts-expect-error auth is required by the type
    expect(() => createGraphQLServer({ store })).toThrow(/auth/);
    void store.close();
  });

  it('createHttpServer without options throws, naming the option', () => {
    const store = EmbeddedStore.open(':memory:');
    // @ts-expect-error options with auth are required by the type
    expect(() => createHttpServer(store)).toThrow(/auth/);
    void store.close();
  });
});
