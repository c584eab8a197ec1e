import type { AcceptSuggestions, LinkSuggestion } from './link-suggestions.ts';

/** What a file holds; each kind has its own columns (see columns.ts). */
export const IMPORT_KINDS = ['enterprises', 'operates', 'supplies', 'segments', 'areas', 'mapping', 'projects'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Unit of amount columns whose header names none: 万元 (default) or 亿元 (×10000). */
export const AMOUNT_UNITS = ['万元', '亿元'] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

export const IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'reject'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export type IssueCode =
  | 'MISSING_COLUMN'
  | 'UNKNOWN_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'NO_HEADER'
  | 'REQUIRED'
  | 'INVALID_USCC'
  | 'USCC_PRECISION_LOST'
  | 'UNKNOWN_SEGMENT'
  | 'AMBIGUOUS_SEGMENT'
  | 'UNKNOWN_AREA'
  | 'AMBIGUOUS_AREA'
  | 'UNKNOWN_CHAIN'
  | 'UNKNOWN_ENTERPRISE'
  | 'NOT_A_NUMBER'
  | 'NEGATIVE_AMOUNT'
  | 'INVALID_SHARE'
  | 'INVALID_BOOLEAN'
  | 'INVALID_YEAR'
  | 'INVALID_ROLE'
  | 'INVALID_STAGE'
  | 'INVALID_REGION'
  | 'DUPLICATE_IN_FILE'
  | 'NAME_VARIANT'
  | 'USCC_CONFLICT'
  | 'SELF_SUPPLY'
  | 'SELF_FEED'
  | 'SEGMENT_KEY_CONFLICT'
  | 'FEEDS_CYCLE'
  | 'INVALID_LEVEL'
  | 'INVALID_DIVISION_CODE'
  | 'SELF_PARENT'
  | 'AREA_CONTRADICTS_USCC'
  | 'INVALID_INDUSTRY_CODE'
  | 'INVALID_PROJECT_STAGE'
  | 'INVALID_DATE'
  | 'DATE_ORDER'
  | 'INVALID_ELEMENT'
  | 'INVALID_PROJECT_ID'
  | 'UNKNOWN_UNIT'
  | 'UNKNOWN_GAP'
  | 'STAGE_MOVES_BACK'
  | 'DROP_REASON_REQUIRED';

/**
 * One problem found in the file. `row` is the row number as Excel shows it
 * (the header row included; null for a problem of the whole file), `column`
 * the header text as written in the file.
 */
export interface ImportIssue {
  row: number | null;
  column: string | null;
  value: string | null;
  severity: 'error' | 'warning';
  code: IssueCode;
  /** Chinese message, for the planners. */
  message: string;
  messageEn: string;
}

/** What the import does (or would do, in a dry run) with one data row. */
export interface ImportItem {
  row: number;
  action: ImportAction;
  /** Id of the record the row creates or updates (null when rejected before a match). */
  id: string | null;
  /** Short description: the enterprise name, `supplier → buyer`, `chain / segment`. */
  label: string;
  /** Fields whose value changes (updates), e.g. ['output', 'segment:seg:alloy-casting']. */
  changes: string[];
  /** How an existing record was found: by 统一社会信用代码, by normalised name, or by id. */
  matchedBy: 'uscc' | 'name' | 'id' | null;
  /** What was inferred for the row and from what (所在地区, 省份 … from the 统一社会信用代码, 地址 or name). */
  inferred?: string[];
}

/** How a header of the file was understood. */
export interface ColumnMapping {
  header: string;
  /** Field it fills, or null when ignored. */
  field: string | null;
  /** Unit the header (or --unit) gives an amount column. */
  unit: AmountUnit | null;
}

export interface ImportCounts {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  reject: number;
  warnings: number;
}

/** The answer of every import, dry run or real. */
export interface ImportReport {
  kind: ImportKind;
  fileName: string;
  format: 'xlsx' | 'csv';
  /** Detected CSV encoding (utf-8, utf-8 with BOM, gb18030 …); null for xlsx. */
  encoding: string | null;
  /** Worksheet read (xlsx). */
  sheet: string | null;
  dryRun: boolean;
  skipInvalid: boolean;
  /** True when the rows were written (one transaction). */
  committed: boolean;
  /** Why nothing was written, when committed is false; null otherwise. */
  notCommittedReason: string | null;
  notCommittedReasonEn: string | null;
  columns: ColumnMapping[];
  counts: ImportCounts;
  items: ImportItem[];
  issues: ImportIssue[];
  /** 挂链: suggested OPERATES_IN links (enterprise imports), with evidence and strength; `accepted` ones are written. */
  suggestions: LinkSuggestion[];
  durationMs: number;
}

/** Options of an import. */
export interface ImportOptions {
  kind: ImportKind;
  dryRun: boolean;
  /** Write the valid rows and skip the rejected ones; without it one rejected row means nothing is written. */
  skipInvalid?: boolean;
  /** Unit of amount columns whose header names none (default 万元; 亿元 for projects). */
  unit?: AmountUnit;
  /** header → field (or null to ignore the column), overriding the built-in header names. */
  mapping?: ColumnOverrides;
  /** Which 挂链 suggestions to write (all, by row, by id); none by default. */
  accept?: AcceptSuggestions;
  /** Rows per UNWIND batch inside the one transaction (default 5000). */
  batchSize?: number;
  /** Who imports (recorded on the project events an import writes); default 'import'. */
  actor?: string;
  /** Called after each batch written (inside the transaction, before commit): rows written so far and in all. */
  onProgress?: (written: number, total: number) => void;
}

/** A mapping file: `header: field`, `header: { field, unit }` or `header: null` (ignore). */
export type ColumnOverrides = Record<string, string | { field: string | null; unit?: AmountUnit } | null>;
