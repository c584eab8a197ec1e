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
  'write/import/enterprise-create-located-operating',
  'write/import/operates-in-create',
  'write/import/operates-in-update',
  'write/import/supplies-create',
]);

function takesColumns(query: ImportWriteQuery): query is ColumnsQuery {
  return COLUMNS_QUERIES.has(query);
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

/**
 * The planned rows of one write query, in plan order. A `$columns` query's
 * rows are kept as they are written, one list per field (a row's top-level
 * fields and those of its `props` map, null where a row has none: the query
 * reads a field no row has as null too, and a null property is not stored), so
 * a million planned rows are ~20 lists, not a million maps; other queries keep
 * their row maps.
 */
export class QueryWrites {
  private readonly fields: Map<string, unknown[]> | null;
  private readonly rows: (Record<string, unknown> | null)[] | null;
  private count = 0;

  constructor(readonly query: ImportWriteQuery) {
    this.fields = takesColumns(query) ? new Map() : null;
    this.rows = this.fields ? null : [];
  }

  get length(): number {
    return this.count;
  }

  /** Adds a row at the end, or in place of the row at `at` (the same write planned again); returns its position. */
  put(row: Record<string, unknown>, at = this.count): number {
    if (!this.fields) {
      this.rows![at] = row;
    } else {
      if (at < this.count) for (const column of this.fields.values()) column[at] = null;
      for (const k in row) {
        const value = row[k];
        if (k === 'props' && value && typeof value === 'object') {
          for (const p in value as Record<string, unknown>) this.set(p, at, (value as Record<string, unknown>)[p]);
        } else this.set(k, at, value);
      }
      if (at === this.count) for (const column of this.fields.values()) if (column.length === at) column.push(null);
    }
    if (at === this.count) this.count++;
    return at;
  }

  private set(field: string, at: number, value: unknown): void {
    let column = this.fields!.get(field);
    if (!column) {
      column = new Array<unknown>(this.count).fill(null);
      this.fields!.set(field, column);
    }
    if (at === column.length) column.push(value ?? null);
    else column[at] = value ?? null;
  }

  /** Rows [from, from + size) as lists per field (a `$columns` query). */
  columnsOf(from: number, size: number): Record<string, unknown[]> {
    const to = Math.min(from + size, this.count);
    const columns: Record<string, unknown[]> = {};
    for (const [field, column] of this.fields ?? []) columns[field] = column.slice(from, to);
    return columns;
  }

  /** Rows [from, from + size) as row maps (a `$rows` query). */
  rowsOf(from: number, size: number): Record<string, unknown>[] {
    return (this.rows ?? []).slice(from, Math.min(from + size, this.count)) as Record<string, unknown>[];
  }

  /** Lets go of rows [from, from + size) once the store holds them: a million-row import need not keep two copies. */
  release(from: number, size: number): void {
    const to = Math.min(from + size, this.count);
    if (this.rows) this.rows.fill(null, from, to);
    else for (const column of this.fields!.values()) column.fill(null, from, to);
  }
}

/** Runs one batch of an import write with the parameter its query takes. */
export async function runBatch(tx: QueryRunner, writes: QueryWrites, from: number, size: number): Promise<void> {
  const { query } = writes;
  if (takesColumns(query)) await tx.run(query, { columns: writes.columnsOf(from, size) });
  else await tx.run(query, { rows: writes.rowsOf(from, size) });
}
