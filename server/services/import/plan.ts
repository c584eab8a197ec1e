import type { ImportWriteQuery } from './write-batches.ts';
import { makeIssue } from './issues.ts';
import type { MappedColumn } from './columns.ts';
import type { TableRow } from './read-table.ts';
import type { Parsed } from './values.ts';
import type { LinkSuggestion } from './link-suggestions.ts';
import type { AmountUnit, ImportIssue, ImportItem, IssueCode } from './types.ts';

/** One row written by a named query of cypher/write/import/. */
export interface PlannedWrite {
  query: ImportWriteQuery;
  row: Record<string, unknown>;
}

export interface PlannedItem extends ImportItem {
  writes: PlannedWrite[];
}

export interface Plan {
  items: PlannedItem[];
  issues: ImportIssue[];
  suggestions?: LinkSuggestion[];
}

/** Plans a file's rows chunk by chunk, in file order; remembers across calls what it saw (duplicates within the file). */
export type ChunkPlanner = (rows: readonly TableRow[]) => Plan;

/** The columns of a file by field, made once per file (every row of a million-row file reads them). */
const FIELDS = new WeakMap<MappedColumn[], Map<string, MappedColumn>>();

/** Reads the cells of one data row by field and collects the issues of that row. */
export class RowReader {
  readonly issues: ImportIssue[] = [];
  private readonly byField: Map<string, MappedColumn>;

  constructor(
    readonly source: TableRow,
    columns: MappedColumn[],
  ) {
    let byField = FIELDS.get(columns);
    if (!byField) {
      byField = new Map(columns.flatMap((c) => (c.field ? [[c.field, c] as const] : [])));
      FIELDS.set(columns, byField);
    }
    this.byField = byField;
  }

  get row(): number {
    return this.source.row;
  }

  /** True when the file has a column for the field (a cell may still be empty). */
  has(field: string): boolean {
    return this.byField.has(field);
  }

  text(field: string): string {
    const column = this.byField.get(field);
    return column ? (this.source.cells[column.index] ?? '').trim() : '';
  }

  header(field: string): string | null {
    return this.byField.get(field)?.header ?? null;
  }

  unit(field: string): AmountUnit {
    return this.byField.get(field)?.unit ?? '万元';
  }

  /** The cell was a number Excel could not hold exactly (16+ digits). */
  lossy(field: string): boolean {
    const column = this.byField.get(field);
    return column ? this.source.lossyNumbers?.has(column.index) === true : false;
  }

  error(field: string | null, code: IssueCode, detail: Record<string, string | number> = {}, value?: string): void {
    this.issues.push(
      makeIssue(code, { row: this.row, column: field ? this.header(field) : null, value: value ?? (field ? this.text(field) : null) }, detail, 'error'),
    );
  }

  warn(field: string | null, code: IssueCode, detail: Record<string, string | number> = {}): void {
    this.issues.push(makeIssue(code, { row: this.row, column: field ? this.header(field) : null, value: field ? this.text(field) : null }, detail, 'warning'));
  }

  get failed(): boolean {
    return this.issues.some((i) => i.severity === 'error');
  }

  /** Parses a non-empty cell; records the issue and returns undefined when it does not parse or is empty. */
  parse<T>(field: string, parser: (text: string) => Parsed<T>): T | undefined {
    const text = this.text(field);
    if (!text) return undefined;
    const result = parser(text);
    if (result.ok) return result.value;
    this.error(field, result.code, result.detail ?? {});
    return undefined;
  }
}

export function rejected(r: RowReader, label: string, id: string | null = null): PlannedItem {
  return { row: r.row, action: 'reject', id, label, changes: [], matchedBy: null, writes: [] };
}

/** Property names whose value differs (lists and numbers compared by value). */
export function changedKeys(props: Record<string, unknown>, existing: Record<string, unknown>): string[] {
  return Object.keys(props).filter((k) => !sameValue(props[k], existing[k]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    const sa = [...a].map(String).sort();
    const sb = [...b].map(String).sort();
    return sa.every((v, i) => v === sb[i]);
  }
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return (a ?? null) === (b ?? null);
}

/** Remembers the first row of each key, to report duplicates within the file. */
export class FirstSeen {
  private readonly rows = new Map<string, number>();
  /** The earlier row with this key, or undefined (and remembers this row). */
  check(key: string, row: number): number | undefined {
    const first = this.rows.get(key);
    if (first === undefined) this.rows.set(key, row);
    return first;
  }
}
