import path from 'node:path';

export type StoreKind = 'embedded' | 'neo4j';

const STORE_KINDS: readonly StoreKind[] = ['embedded', 'neo4j'];

/** How to reach a Neo4j database (env NEO4J_*). */
export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
  /** How long this server may serve a cached read before it looks again: other servers' writes show within it (0: no cache). */
  cacheSeconds: number;
}

/** Which store the product opens and its settings; part of the server's Config (server/config.ts). */
export interface StoreConfig {
  store: StoreKind;
  /** Folder of the embedded store, or ':memory:' for a store that lives as long as the process. */
  dataDir: string;
  neo4j: Neo4jSettings;
}

/** parseArgs options of the store flags, merged into server/config.ts. */
export const STORE_FLAGS = {
  store: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

export const STORE_FLAGS_HELP = '--store embedded|neo4j, --data-dir DIR';

type Values = Partial<Record<keyof typeof STORE_FLAGS, string | boolean | string[] | undefined>>;

/** The store settings from flags (which win) and env; `fail` makes the error for a bad value. */
export function storeConfigFrom(values: Values, env: NodeJS.ProcessEnv, fail: (message: string) => Error): StoreConfig {
  const store = ((values.store as string | undefined) ?? env.STORE ?? 'embedded') as StoreKind;
  if (!STORE_KINDS.includes(store)) {
    throw fail(`store must be one of ${STORE_KINDS.join(', ')} (got '${store}' from ${values.store ? '--store' : 'STORE'})`);
  }
  const dataDirText = (values['data-dir'] as string | undefined) ?? env.DATA_DIR ?? './data';
  const dataDir = dataDirText === ':memory:' ? dataDirText : path.resolve(dataDirText);
  const neo4j = {
    uri: env.NEO4J_URI ?? '',
    user: env.NEO4J_USER ?? 'neo4j',
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE || undefined,
    cacheSeconds: Number(env.NEO4J_CACHE_SECONDS ?? '5'),
  };
  if (!Number.isFinite(neo4j.cacheSeconds) || neo4j.cacheSeconds < 0) {
    throw fail(`NEO4J_CACHE_SECONDS must be a number of seconds, 0 or more (got '${env.NEO4J_CACHE_SECONDS}')`);
  }
  if (store === 'neo4j' && !neo4j.uri) {
    throw fail('--store neo4j needs NEO4J_URI (e.g. neo4j://localhost:7687), with NEO4J_USER, NEO4J_PASSWORD and optionally NEO4J_DATABASE');
  }
  return { store, dataDir, neo4j };
}
