import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createHttpServer, type HttpServerOptions } from '../../server/http/create-http-server.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import type { Store } from '../../server/store/store.ts';
import { openTestStore } from './test-store.ts';

export interface TestServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/**
 * The real server on a free port over a fresh test store (test-store.ts) with the seed graph.
 * The caller names the access control: `{ auth: DISABLED_AUTH }` or `{ auth: { mode: 'enabled' } }` as `npm start` does.
 */
export async function startTestServer(options: HttpServerOptions): Promise<TestServer> {
  const store = await openTestStore();
  await loadSeeds(store);
  const server: Server = createHttpServer(store, options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
}
