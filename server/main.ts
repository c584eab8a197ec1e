import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from './config.ts';
import { createHttpServer } from './http/create-http-server.ts';
import { ensureSearchNames } from './services/search-names/backfill-search-names.ts';
import { seedIfEmpty } from './services/seed/load-seeds.ts';
import { createStore } from './store/create-store.ts';
import { projectionReady } from './services/projection/projection-registry.ts';
import { fittedWeightsReady } from './services/suppliers/fitted-weights.ts';
import { enableProjection, projectionEnabled } from './services/projection/projection-lifecycle.ts';
import { nameIndexReady } from './services/projection/name-index-source.ts';
import { boundHeapGrowthWhileServing } from './services/projection/heap-growth.ts';
import { printAccessHint } from './auth/startup.ts';
import { scheduleBackups } from './backup/backup-service.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  // under load, requests in flight reach the old generation: unbounded, its garbage was the peak at tier L (heap-growth.ts)
  boundHeapGrowthWhileServing();
  const store = await createStore(config);
  if (config.store === 'neo4j' && config.neo4jProjection) enableProjection(store);
  if (config.seedOnStart) {
    const loaded = await seedIfEmpty(store);
    if (loaded)
      console.log(
        `Loaded the seed graph: ${Object.entries(loaded)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')}`,
      );
  }
  const { auth, graphiql, corsOrigins, backup } = config.security;
  const server = createHttpServer(store, { auth, graphiql, corsOrigins });
  await printAccessHint(store, config);
  const backups = backup ? scheduleBackups(store, backup) : null;
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    console.log(`产业链图谱 ready on ${config.store} store: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/  (GraphQL: /graphql)`);
    // Every write path stores search names, and the store records it; only a store from an older version is
    // scanned here, once (seconds at tier L), while search matches raw names meanwhile.
    ensureSearchNames(store).then(
      (n) => n && console.log(`search names stored for ${n} node(s) written without them`),
      (e: unknown) => console.error(`search names: backfill failed: ${(e as Error).message}`),
    );
    // The name index and the analytics projection are read now rather than by the first search or analysis (which
    // meanwhile run on the store's queries), one after the other (the reads' rows are transient but large at tier L).
    const t0 = performance.now();
    let t1 = t0;
    nameIndexReady(store, 1)
      .then(
        (n) =>
          console.log(
            n
              ? `search name index ready: ${n.index.size} enterprises, segments, chains and units in ${Math.round(performance.now() - t0)} ms`
              : projectionEnabled(store)
                ? 'search name index not read (a write or an error during the read); the next search tries again'
                : 'search name index off for this store (search reads the store)',
          ),
        (e: unknown) => console.error(`search name index: ${(e as Error).message}`),
      )
      .then(() => {
        t1 = performance.now();
        return projectionReady(store, 1);
      })
      .then(
        (p) =>
          console.log(
            p
              ? `analytics projection ready: ${p.graph.enterprises.ids.length} enterprises, ${p.graph.enterprises.outTo.length} supplies in ${Math.round(performance.now() - t1)} ms`
              : projectionEnabled(store)
                ? 'analytics projection not read (a write or an error during the read); the next analysis tries again'
                : 'analytics projection off for this store (the analyses read the store)',
          ),
        (e: unknown) => console.error(`analytics projection: ${(e as Error).message}`),
      )
      // then the ranking's weights, fitted on the store's own links in the background (requests rank with the defaults meanwhile)
      .then(() => fittedWeightsReady(store))
      .then(
        (f) =>
          console.log(
            f.fitted
              ? `ranking weights fitted on ${f.links} links (${f.questions} asked; MRR ${f.mrrDefault!.toFixed(3)} with the defaults → ${f.mrrFitted!.toFixed(3)}) in ${Math.round(f.ms)} ms`
              : `ranking weights: the defaults (${f.reason})`,
          ),
        (e: unknown) => console.error(`ranking weights: ${(e as Error).message}`),
      );
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight and closing the store`);
    server.close(() => void (backups?.stop() ?? Promise.resolve()).then(() => store.close()).then(() => process.exit(0)));
    setTimeout(() => {
      console.error(`${signal}: requests still open after 10 s; closing them`);
      server.closeAllConnections();
    }, 10_000).unref();
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? `Configuration error: ${e.message}` : `Cannot start: ${(e as Error).message}`);
  process.exit(1);
});
