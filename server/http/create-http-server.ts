import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import type { Store } from '../store/store.ts';
import { liveness } from '../services/health/health.ts';
import { setSecurityHeaders } from '../auth/security-headers.ts';
import { createGraphQLServer, type YogaOptions } from '../graphql/yoga.ts';

/** Where `vite build` writes the UI. */
export const CLIENT_DIST = fileURLToPath(new URL('../../dist/client/', import.meta.url));

/**
 * One port for everything: the GraphQL API at /graphql, /healthz, and the
 * built UI at / (any other path falls back to index.html for deep links).
 * `options` go to the GraphQL server and must name the access control:
 * main.ts passes `auth: { mode: 'enabled' }`, tests say which they want.
 */
export type HttpServerOptions = Omit<YogaOptions, 'store'>;

export function createHttpServer(store: Store, options: HttpServerOptions): Server {
  const yoga = createGraphQLServer({ store, ...options });
  const hasClient = existsSync(CLIENT_DIST);
  const assets = hasClient ? sirv(CLIENT_DIST, { single: true, etag: true, gzip: false }) : undefined;

  return createServer((req, res) => {
    const url = req.url ?? '/';
    setSecurityHeaders(res, url.startsWith(yoga.graphqlEndpoint) ? 'api' : 'ui');
    if (url.startsWith(yoga.graphqlEndpoint)) {
      void yoga.requestListener(req, res);
      return;
    }
    if (url === '/healthz' || url.startsWith('/healthz?')) {
      void liveness(store).then((live) => {
        res.writeHead(live.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(live));
      });
      return;
    }
    if (!assets) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The UI is not built: run `npm run build` (npm start does it).');
      return;
    }
    assets(req, res);
  });
}
