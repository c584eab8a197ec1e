import { mkdirSync } from 'node:fs';
import path from 'node:path';
import grafeo from '@grafeo-db/js';
import { getQuery } from './cypher-library.ts';
import { queryRunner, StoreError, uncheckedRun, type Params, type QueryRunner, type Row, type Store, type StoreHealth } from './store.ts';
import { CommitListeners } from './commit-listeners.ts';
import { toPlainRow } from './to-plain.ts';
import { WriteGeneration } from './write-generation.ts';

const { GrafeoDB } = grafeo;
type GrafeoDatabase = InstanceType<typeof GrafeoDB>;
type Executor = { executeCypher(query: string, params?: unknown): Promise<{ toArray(): Record<string, unknown>[] }> };

/** File of the graph inside the data folder. */
export const GRAPH_FILE = 'graph.grafeo';

async function runOn<T>(executor: Executor, queryName: string, params: Params): Promise<T[]> {
  const query = getQuery(queryName);
  try {
    let rows: Record<string, unknown>[] = [];
    for (const statement of query.statements) rows = (await executor.executeCypher(statement, params)).toArray();
    // converted in place: each engine row is let go as its plain copy is made (tier L reads pages of 250k rows)
    for (let i = 0; i < rows.length; i++) rows[i] = toPlainRow(rows[i]!);
    return rows as T[];
  } catch (e) {
    throw new StoreError(queryName, e);
  }
}

/** A Grafeo file opened read-only (a backup being verified): runs the library's read/ queries, never writes. */
export interface ReadOnlyGraph extends QueryRunner {
  /** The nodes and relationships the file records (its own counters, not a query). */
  recorded(): { nodes: number; relationships: number };
  close(): void;
}

/**
 * The zero-setup store: Grafeo embedded in the process, on disk in `dataDir`
 * (or in memory for ':memory:'). Writes are serialised through one queue
 * because a Grafeo database takes one writer at a time.
 */
export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  private writeQueue: Promise<unknown> = Promise.resolve();
  /** The only writer of its files is this process, so its own writes are all a cache needs to watch. */
  private readonly generation = new WriteGeneration();
  private readonly commits = new CommitListeners();
  /** Reads in flight: close waits for them (a background read, e.g. the analytics projection, may outlive its caller). */
  private readonly reads = new Set<Promise<unknown>>();

  private constructor(
    private readonly db: GrafeoDatabase,
    private readonly location: string,
  ) {}

  static open(dataDir: string): EmbeddedStore {
    if (dataDir === ':memory:') return new EmbeddedStore(GrafeoDB.create(), dataDir);
    mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, GRAPH_FILE);
    return new EmbeddedStore(GrafeoDB.create(file), file);
  }

  /**
   * Opens a Grafeo file read-only: Grafeo checks every section's checksum and
   * the file's structure as it opens (throws when damaged), and refuses while
   * another process holds the file's lock.
   */
  static openReadOnly(file: string): ReadOnlyGraph {
    const db = GrafeoDB.openReadOnly(file);
    return {
      ...queryRunner(async <T>(name: string, params: Params = {}) => {
        if (getQuery(name).mode !== 'read') throw new StoreError(name, new Error(`${file} is open read-only`));
        return runOn<T>(db, name, params);
      }),
      recorded: () => ({ nodes: db.nodeCount(), relationships: db.edgeCount() }),
      close: () => db.close(),
    };
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.writeQueue.then(work, work);
    // the queue waits for the work, not for its answer: kept in the queue, an import's report (a million rows) stayed
    // reachable until the next write, under every allocation of the next import's planning (issue 17)
    this.writeQueue = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  async run<T = Row>(queryName: string, params: Params = {}): Promise<T[]> {
    if (getQuery(queryName).mode === 'read') {
      const read = runOn<T>(this.db, queryName, params);
      this.reads.add(read);
      void read.then(
        () => this.reads.delete(read),
        () => this.reads.delete(read),
      );
      return read;
    }
    return this.transaction((tx) => uncheckedRun(tx)<T>(queryName, params));
  }

  transaction<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    return this.serialised(async () => {
      const tx = this.db.beginTransaction();
      const names: string[] = [];
      try {
        const result = await work(
          queryRunner(<R>(name: string, params: Params = {}) => {
            names.push(name);
            return runOn<R>(tx, name, params);
          }),
        );
        tx.commit();
        this.generation.bump();
        this.commits.notify(names);
        return result;
      } catch (e) {
        if (tx.isActive) tx.rollback();
        throw e;
      }
    });
  }

  writeGeneration(): number {
    return this.generation.current();
  }

  onCommit(listener: (queryNames: readonly string[]) => void): () => void {
    return this.commits.add(listener);
  }

  async applySchema(): Promise<void> {
    await this.run('schema/embedded');
  }

  async health(): Promise<StoreHealth> {
    try {
      await runOn(this.db, 'read/health', {});
      return { store: this.kind, reachable: true, detail: `Grafeo ${this.db.version()} at ${this.location}` };
    } catch (e) {
      return { store: this.kind, reachable: false, detail: (e as Error).message };
    }
  }

  /** Writes a consistent copy of the graph to `file` (a single file; fails if it exists), between two writes. */
  backup(file: string): Promise<void> {
    return this.serialised(async () => this.db.save(file));
  }

  async close(): Promise<void> {
    await this.writeQueue;
    await Promise.allSettled([...this.reads]);
    this.db.close();
  }
}
