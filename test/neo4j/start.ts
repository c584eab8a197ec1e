/**
 * npm run neo4j -- --port 7687 [--data-dir DIR] [--password PW] [--heap 768m] [--profile test|bench]
 * Starts a real Neo4j 5.26 (community, Bolt on 127.0.0.1, auth on) for tests and development,
 * prints the Bolt URI and credentials as NEO4J_* lines, and stops cleanly on SIGTERM or Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { startNeo4j } from './launcher.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '7687' },
    'data-dir': { type: 'string' },
    password: { type: 'string' },
    heap: { type: 'string' },
    profile: { type: 'string', default: 'test' },
  },
  strict: true,
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port must be an integer from 1 to 65535 (got '${values.port}')`);
  process.exit(2);
}
if (values.password !== undefined && values.password.length < 8) {
  console.error('--password must be at least 8 characters (Neo4j refuses shorter ones)');
  process.exit(2);
}
const profile = values.profile;
if (profile !== 'test' && profile !== 'bench') {
  console.error(`--profile must be 'test' (small heap, quick start) or 'bench' (full JIT, 4 GB heap, 2 GB page cache); got '${profile}'`);
  process.exit(2);
}
try {
  const neo4j = await startNeo4j({
    port,
    dataDir: values['data-dir'],
    password: values.password,
    heap: values.heap,
    profile,
    log: (l) => console.error(`[neo4j] ${l}`),
  });
  console.log(`Neo4j 5.26 ready (prepare ${neo4j.timings.prepareS.toFixed(1)} s, start ${neo4j.timings.startS.toFixed(1)} s), data in ${neo4j.dataDir}`);
  console.log(`NEO4J_URI=${neo4j.uri}`);
  console.log(`NEO4J_USER=${neo4j.user}`);
  console.log(`NEO4J_PASSWORD=${neo4j.password}`);
  console.log(`NEO4J_PID=${neo4j.pid}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping Neo4j`);
    void neo4j.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  const code = await neo4j.exited;
  if (!stopping) {
    console.error(`Neo4j exited on its own (code ${code})`);
    process.exit(1);
  }
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
