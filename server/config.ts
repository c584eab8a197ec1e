import { parseArgs } from 'node:util';
import { SECURITY_FLAGS, SECURITY_FLAGS_HELP, securityConfigFrom, type SecurityConfig } from './config/security-config.ts';
import { STORE_FLAGS, STORE_FLAGS_HELP, storeConfigFrom, type StoreConfig } from './store/store-config.ts';

/**
 * Everything the server needs to start, read once from env vars and CLI flags
 * (flags win): the store's settings (server/store/store-config.ts), the server's
 * own, and security (server/config/security-config.ts).
 */
export interface Config extends StoreConfig {
  port: number;
  host: string;
  /** Load seeds/ into an empty store at start. */
  seedOnStart: boolean;
  /**
   * Let the in-memory projections (analytics, the search's name index) serve a Neo4j store too (ANALYTICS_PROJECTION=on): only when this
   * server is the database's only writer. The embedded store always uses it.
   */
  neo4jProjection: boolean;
  /** Access control, limits, CORS, GraphiQL and backups (server/config/security-config.ts). */
  security: SecurityConfig;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Config {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        ...STORE_FLAGS,
        port: { type: 'string' },
        host: { type: 'string' },
        'no-seed': { type: 'boolean' },
        ...SECURITY_FLAGS,
      },
      strict: true,
    }));
  } catch (e) {
    throw new ConfigError(`${(e as Error).message}. Known flags: ${STORE_FLAGS_HELP}, --port N, --host H, --no-seed, ${SECURITY_FLAGS_HELP}`);
  }
  const fail = (m: string) => new ConfigError(m);
  const storeConfig = storeConfigFrom(values, env, fail);
  const portText = values.port ?? env.PORT ?? '4000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`port must be an integer from 0 to 65535 (got '${portText}' from ${values.port ? '--port' : 'PORT'})`);
  }
  return {
    ...storeConfig,
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    seedOnStart: !(values['no-seed'] ?? env.SEED_ON_START === 'false'),
    neo4jProjection: env.ANALYTICS_PROJECTION === 'on',
    security: securityConfigFrom(values, env, fail),
  };
}
