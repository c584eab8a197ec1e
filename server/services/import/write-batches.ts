import type { ColumnsQuery, QueryRunner, RowsQuery } from '../../store/store.ts';

/**
 * A query of cypher/write/import/: `$rows` (row maps) or, where every row has
 * the same fields (the creates, the role update), `$columns` (one list per
 * field): Grafeo converts a map per row ~5× slower than lists (~17 µs for a
 * 15-key row, most of what a create cost).
 */
export type ImportWriteQuery = RowsQuery | ColumnsQuery;

/** The import writes that take `$columns` (test/import/import-streaming.test.ts checks it against their headers). */
export const COLUMNS_QUERIES: ReadonlySet<ImportWriteQuery> = new Set<ColumnsQuery>([
  'write/import/enterprise-create',
  'write/import/enterprise-create-located',
  'write/import/operates-in-create',
  'write/import/operates-in-update',
  'write/import/supplies-create',
]);

function takesColumns(query: ImportWriteQuery): query is ColumnsQuery {
  return COLUMNS_QUERIES.has(query);
}

/**
 * One batch as lists per field: a row's top-level fields and those of its
 * `props` map, null where a row has none (the query reads a field no row has
 * as null too; a null property is not stored).
 */
export function toColumns(rows: readonly Record<string, unknown>[]): Record<string, unknown[]> {
  const columns: Record<string, unknown[]> = {};
  const put = (field: string, value: unknown, i: number) => {
    const column = (columns[field] ??= new Array<unknown>(rows.length).fill(null));
    column[i] = value ?? null;
  };
  rows.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      if (key === 'props' && value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) put(k, v, i);
      } else put(key, value, i);
    }
  });
  return columns;
}

/**
 * What makes two planned writes the same. A `$columns` row is named by its
 * top-level fields (the new node's id, or the link's two ends and role): a
 * second create of those would be a duplicate whatever its props. Any other
 * write is the same only when its whole row is.
 */
export function writeKey(write: { query: ImportWriteQuery; row: Record<string, unknown> }): string {
  if (!takesColumns(write.query)) return JSON.stringify(write.row);
  let key = '';
  for (const k in write.row) if (k !== 'props') key += `${k}\u0000${String(write.row[k])}\u0000`;
  return key;
}

/** Runs one batch of an import write with the parameter its query takes. */
export async function runBatch(tx: QueryRunner, query: ImportWriteQuery, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (takesColumns(query)) await tx.run(query, { columns: toColumns(rows) });
  else await tx.run(query, { rows });
}
