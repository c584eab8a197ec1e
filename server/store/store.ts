import type { StoreKind } from '../config.ts';
import type { QueryColumns, QueryName } from './generated/queries.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;
export type { QueryName };

/** Queries under cypher/read/ run in read transactions; every other folder writes. */
export const isReadQuery = (queryName: string): boolean => queryName.startsWith('read/');

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/**
 * The queries whose RETURN gives every required field of row type T: naming
 * another query, or a row with a field the query does not return, fails the
 * typecheck (columns are generated from cypher/ by `npm run codegen`).
 */
export type QueryReturning<T> = string extends keyof T
  ? QueryName
  : { [N in QueryName]: [RequiredKeys<T>] extends [QueryColumns[N]] ? N : never }[QueryName];

/** Runs named queries from cypher/; rows come back as plain JS values (numbers, strings, arrays, objects). */
export interface QueryRunner {
  run<T = Row>(queryName: QueryReturning<T>, params?: Params): Promise<T[]>;
}

export interface StoreHealth {
  store: StoreKind;
  reachable: boolean;
  detail: string;
}

/**
 * The one interface services see. `run` picks a read or write transaction from
 * the query's folder (read/ or write/); `transaction` runs several queries as
 * one write transaction that commits only if `work` resolves.
 */
export interface Store extends QueryRunner {
  readonly kind: StoreKind;
  transaction<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T>;
  /**
   * A number that grows after every write transaction this process committed
   * through the store (cheap; for in-process caches of read results). Writes by
   * other processes on a shared database (Neo4j) are not seen.
   */
  writeGeneration(): number;
  /**
   * Optional: calls `listener` after every write transaction this process
   * commits through the store, with the names of the queries it ran (for
   * in-process projections that depend on some writes only). Returns the unsubscribe.
   */
  onCommit?(listener: (queryNames: readonly string[]) => void): () => void;
  /** Applies the schema (constraints, indexes) for this engine; idempotent. */
  applySchema(): Promise<void>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
  /**
   * Optional: a consistent copy of the whole store in one file (the embedded
   * store's own format). Stores without it are backed up as a JSON-lines dump
   * (server/backup).
   */
  backup?(file: string): Promise<void>;
}

/** An engine or driver failure, translated at the store boundary; the message names the query, never its text. */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly queryName: string,
    override readonly cause: unknown,
  ) {
    super(`query '${queryName}' failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
