import type { QueryName, QueryParams, QueryRunner } from '../../store/store.ts';

/**
 * Enterprises read per query. At tier L (1M enterprises, 5M SUPPLIES) one query
 * over every enterprise outlasts the embedded engine's fixed 30 s query limit,
 * and a page's rows are held three times while read (the engine's result, its
 * JS rows, what is packed from them): 20k enterprises' SUPPLIES (~100k rows)
 * keep that transient small without making the reads slower (docs/projection.md).
 */
export const ENTERPRISE_PAGE = 20_000;

/** The queries whose one parameter is $ids, a page of enterprise ids looked up through the id index. */
export type EnterprisePageQuery = { [N in QueryName]: [keyof QueryParams[N]] extends ['ids'] ? N : never }[QueryName];

/** Every enterprise's id, ascending as the engine orders them (read/projection/enterprise-ids). */
export async function enterpriseIds(db: QueryRunner): Promise<string[]> {
  const rows = await db.run<{ id: string }>('read/projection/enterprise-ids');
  const ids: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) ids[i] = rows[i]!.id;
  return ids;
}

/**
 * Runs `query` over `ids` in pages of `page`, one page after another, handing
 * each page's rows to `take` with the position of its first id — so a caller
 * packs a page and lets its rows go before the next is read. Rows come in the
 * query's order within a page, pages in the order of `ids`.
 */
export async function readEnterprisePages<T>(
  db: QueryRunner,
  query: EnterprisePageQuery,
  ids: readonly string[],
  take: (rows: T[], at: number) => void,
  page = ENTERPRISE_PAGE,
): Promise<void> {
  if (!(Number.isInteger(page) && page > 0)) throw new RangeError(`page must be a positive integer, got ${page}`);
  const run = db.run.bind(db) as (name: EnterprisePageQuery, params: { ids: readonly string[] }) => Promise<T[]>;
  for (let at = 0; at < ids.length; at += page) take(await run(query, { ids: ids.slice(at, at + page) }), at);
}
