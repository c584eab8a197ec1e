import type { StoreKind } from './store-config.ts';
import type { QueryColumns, QueryName, QueryParams, RunQuery } from './generated/queries.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;
export type { QueryName, QueryParams, RunQuery };

/** Queries under cypher/read/ run in read transactions; every other folder writes. */
export const isReadQuery = (queryName: string): boolean => queryName.startsWith('read/');

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** Query N when its RETURN gives every required field of row type T, else never. */
export type Returning<T, N extends QueryName> = string extends keyof T ? N : [RequiredKeys<T>] extends [QueryColumns[N]] ? N : never;

/**
 * The queries whose RETURN gives every required field of row type T: naming
 * another query, or a row with a field the query does not return, fails the
 * typecheck (columns are generated from cypher/ by `npm run codegen`).
 */
export type QueryReturning<T> = { [N in QueryName]: Returning<T, N> }[QueryName];

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * The params argument of a query, or of a name chosen at run time among
 * several queries (params that suit every one of them). Optional only for a
 * query whose header names no parameter.
 */
export type ParamsArgs<N extends QueryName> =
  Intersection<QueryParams[N]> extends infer P ? (Record<string, never> extends P ? [params?: P] : [params: P]) : never;

/** The queries whose one parameter is $rows, a batch of row objects (seeds, imports, dumps): one name chosen at run time among them takes `{ rows }`. */
export type RowsQuery = { [N in QueryName]: [keyof QueryParams[N]] extends ['rows'] ? N : never }[QueryName];

/** The queries whose one parameter is $columns, a batch as one list per field (bulk creates of imports). */
export type ColumnsQuery = { [N in QueryName]: [keyof QueryParams[N]] extends ['columns'] ? N : never }[QueryName];

/**
 * Runs named queries from cypher/; rows come back as plain JS values (numbers,
 * strings, arrays, objects). `run<Row>('name', params)` compiles only for a known
 * query that returns Row's fields, with the parameters its header names, of the
 * types in server/store/param-types.ts (RunQuery: one signature per query).
 */
export interface QueryRunner {
  run: RunQuery;
}

/**
 * `run` without the per-query check, for wrappers that forward calls already
 * checked where they were made (audit capture, test spies).
 */
export type UncheckedRun = <T = Row>(queryName: string, params?: Params) => Promise<T[]>;
export const uncheckedRun = (runner: QueryRunner): UncheckedRun => runner.run.bind(runner) as UncheckedRun;
/** The typed runner over a function that runs any query (store implementations and wrappers: the callers are checked). */
export const queryRunner = (run: UncheckedRun): QueryRunner => ({ run: run as RunQuery });

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
