import { parseArgs } from 'node:util';
import path from 'node:path';
import { SECURITY_FLAGS, SECURITY_FLAGS_HELP, securityConfigFrom, type SecurityConfig } from './auth/security-config.ts';

export type StoreKind = 'embedded' | 'neo4j';

/** Everything the server needs to start, read once from env vars and CLI flags (flags win). */
export interface Config {
  store: StoreKind;
  /** Folder of the embedded store, or ':memory:' for a store that lives as long as the process. */
  dataDir: string;
  port: number;
  host: string;
  neo4j: {
    uri: string;
    user: string;
    password: string;
    database: string | undefined;
    /** How long this server may serve a cached read before it looks again: other servers' writes show within it (0: no cache). */
    cacheSeconds: number;
  };
  /** Load seeds/ into an empty store at start. */
  seedOnStart: boolean;
  /** Access control, limits, CORS, GraphiQL and backups (server/auth/security-config.ts). */
  security: SecurityConfig;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const STORE_KINDS: readonly StoreKind[] = ['embedded', 'neo4j'];

export function loadConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Config {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        store: { type: 'string' },
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'no-seed': { type: 'boolean' },
        ...SECURITY_FLAGS,
      },
      strict: true,
    }));
  } catch (e) {
    throw new ConfigError(`${(e as Error).message}. Known flags: --store embedded|neo4j, --data-dir DIR, --port N, --host H, --no-seed, ${SECURITY_FLAGS_HELP}`);
  }
  const store = (values.store ?? env.STORE ?? 'embedded') as StoreKind;
  if (!STORE_KINDS.includes(store)) {
    throw new ConfigError(`store must be one of ${STORE_KINDS.join(', ')} (got '${store}' from ${values.store ? '--store' : 'STORE'})`);
  }
  const portText = values.port ?? env.PORT ?? '4000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`port must be an integer from 0 to 65535 (got '${portText}' from ${values.port ? '--port' : 'PORT'})`);
  }
  const dataDirText = values['data-dir'] ?? env.DATA_DIR ?? './data';
  const dataDir = dataDirText === ':memory:' ? dataDirText : path.resolve(dataDirText);
  const neo4j = {
    uri: env.NEO4J_URI ?? '',
    user: env.NEO4J_USER ?? 'neo4j',
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE || undefined,
    cacheSeconds: Number(env.NEO4J_CACHE_SECONDS ?? '5'),
  };
  if (!Number.isFinite(neo4j.cacheSeconds) || neo4j.cacheSeconds < 0) {
    throw new ConfigError(`NEO4J_CACHE_SECONDS must be a number of seconds, 0 or more (got '${env.NEO4J_CACHE_SECONDS}')`);
  }
  if (store === 'neo4j' && !neo4j.uri) {
    throw new ConfigError('--store neo4j needs NEO4J_URI (e.g. neo4j://localhost:7687), with NEO4J_USER, NEO4J_PASSWORD and optionally NEO4J_DATABASE');
  }
  return {
    store,
    dataDir,
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    neo4j,
    seedOnStart: !(values['no-seed'] ?? env.SEED_ON_START === 'false'),
    security: securityConfigFrom(values, env, (m) => new ConfigError(m)),
  };
}
