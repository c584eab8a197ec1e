import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Neo4jSettings } from './store-config.ts';
import { getQuery } from './cypher-library.ts';
import { queryRunner, StoreError, type Params, type QueryRunner, type Row, type Store, type StoreHealth } from './store.ts';
import { CommitListeners } from './commit-listeners.ts';
import { neo4jPlainRow } from './neo4j-plain.ts';
import { WriteGeneration } from './write-generation.ts';

/** JS numbers go to Neo4j as floats; whole numbers must be Integers (e.g. for LIMIT $n). */
function toNeo4jParam(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jParam);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4jParam(v)]));
  }
  return value;
}

async function runOn<T>(tx: ManagedTransaction, queryName: string, params: Params): Promise<T[]> {
  const query = getQuery(queryName);
  const converted = toNeo4jParam(params) as Params;
  try {
    let records: Record<string, unknown>[] = [];
    for (const statement of query.statements) records = (await tx.run(statement, converted)).records.map((r) => r.toObject());
    return records.map((row) => neo4jPlainRow<T>(row));
  } catch (e) {
    // A transient error (deadlock, leader switch) must reach the driver unchanged: it retries the transaction only then.
    if (neo4j.isRetryableError(e)) {
      retryableFrom.set(e as object, queryName);
      throw e;
    }
    throw new StoreError(queryName, e);
  }
}

/** The query each retryable driver error came from, to name it if the retries run out. */
const retryableFrom = new WeakMap<object, string>();

/** What a caller sees when a managed transaction fails: a StoreError naming the query, or the work's own error. */
function storeFailure(e: unknown, fallbackQuery: string): unknown {
  return neo4j.isRetryableError(e) ? new StoreError(retryableFrom.get(e as object) ?? fallbackQuery, e) : e;
}

/** How long connecting and signing in may take before the start fails. */
const CONNECT_TIMEOUT_MS = 15_000;

/** The production store: a Neo4j 5 server or cluster through neo4j-driver, with managed (retried) transactions. */
export class Neo4jStore implements Store {
  readonly kind = 'neo4j' as const;
  /**
   * Other servers may write the same database and this process does not see
   * their commits, so cached reads expire after NEO4J_CACHE_SECONDS as well as
   * on this process's own writes.
   */
  private readonly generation: WriteGeneration;
  private readonly commits = new CommitListeners();

  private constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    private readonly uri: string,
    cacheSeconds: number,
  ) {
    this.generation = new WriteGeneration(cacheSeconds * 1000);
  }

  /** Connects and checks the server answers; fails with the URI and what to check. */
  static async connect(settings: Neo4jSettings): Promise<Neo4jStore> {
    // A host that does not answer TCP fails after 10 s instead of the driver's default 30 s.
    const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), { connectionTimeout: 10_000 });
    let timer: NodeJS.Timeout | undefined;
    try {
      // The driver's connection timeout covers the TCP connect only: a port that accepts and never
      // answers Bolt (a proxy, another service) would hang the start for good without this bound.
      const silence = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no Bolt answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
      });
      await Promise.race([driver.verifyConnectivity({ database: settings.database }), silence]);
    } catch (e) {
      await driver.close();
      throw new Error(
        `cannot reach Neo4j at ${settings.uri} as user '${settings.user}': ${(e as Error).message}. ` +
          'Check that the server runs, NEO4J_URI (scheme neo4j:// or bolt://, host, port), NEO4J_USER and NEO4J_PASSWORD.',
      );
    } finally {
      clearTimeout(timer);
    }
    return new Neo4jStore(driver, settings.database, settings.uri, settings.cacheSeconds);
  }

  private session() {
    return this.driver.session({ database: this.database });
  }

  async run<T = Row>(queryName: string, params: Params = {}): Promise<T[]> {
    const session = this.session();
    try {
      const work = (tx: ManagedTransaction) => runOn<T>(tx, queryName, params);
      if (getQuery(queryName).mode === 'read') return await session.executeRead(work);
      const rows = await session.executeWrite(work);
      this.generation.bump();
      this.commits.notify([queryName]);
      return rows;
    } catch (e) {
      throw storeFailure(e, queryName);
    } finally {
      await session.close();
    }
  }

  async transaction<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    const session = this.session();
    try {
      // executeWrite may retry `work`: the names of the attempt that committed
      let names: string[] = [];
      const result = await session.executeWrite((tx) => {
        names = [];
        return work(
          queryRunner(<R>(name: string, params: Params = {}) => {
            names.push(name);
            return runOn<R>(tx, name, params);
          }),
        );
      });
      this.generation.bump();
      this.commits.notify(names);
      return result;
    } catch (e) {
      throw storeFailure(e, 'transaction');
    } finally {
      await session.close();
    }
  }

  writeGeneration(): number {
    return this.generation.current();
  }

  onCommit(listener: (queryNames: readonly string[]) => void): () => void {
    return this.commits.add(listener);
  }

  /** Neo4j refuses schema changes mixed in one transaction with other work, so each statement commits alone. */
  async applySchema(): Promise<void> {
    const session = this.session();
    try {
      for (const statement of getQuery('schema/neo4j').statements) await session.executeWrite((tx) => tx.run(statement));
    } catch (e) {
      throw new StoreError('schema/neo4j', e);
    } finally {
      await session.close();
    }
  }

  async health(): Promise<StoreHealth> {
    try {
      const info = await this.driver.getServerInfo({ database: this.database });
      return { store: this.kind, reachable: true, detail: `${info.agent ?? 'Neo4j'} at ${this.uri}` };
    } catch (e) {
      return { store: this.kind, reachable: false, detail: `${this.uri}: ${(e as Error).message}` };
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
