import { randomBytes } from 'node:crypto';
import type { Role } from '../auth/roles.ts';
import type { QueryRunner, Store } from '../store/store.ts';
import { ValidationError } from '../errors.ts';

/** One recorded mutation field. `before`/`after` are JSON of the node's properties (secrets removed), or null. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  actorKind: string;
  role: Role | null;
  operation: string | null;
  field: string;
  /** JSON of the arguments, secrets redacted, long text cut, files as name/size/type. */
  args: string;
  entityId: string | null;
  entityLabel: string | null;
  before: string | null;
  after: string | null;
  ok: boolean;
  /** What came of it: a short JSON of the result, or the error code and message. */
  summary: string;
}

/** A node as the audit trail keeps it. */
export interface Snapshot {
  label: string | null;
  json: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { at?: string };

export interface AuditPage {
  entries: AuditEntry[];
  /** Cursor for the next page (`after`), null on the last page. */
  endCursor: string | null;
  hasMore: boolean;
}

export const MAX_PAGE = 500;
const SECRET_KEY = /password|secret|token|hash|cookie|authorization/i;
let counter = 0;

/** Ids sort by time: `audit:<ms, 14 digits>-<counter>-<random>`, so the id is also the page cursor. */
function newAuditId(at: Date): string {
  counter = (counter + 1) % 1_000_000;
  return `audit:${String(at.getTime()).padStart(14, '0')}-${String(counter).padStart(6, '0')}-${randomBytes(4).toString('hex')}`;
}

/** Plain JSON of any value for the audit trail: secrets redacted, strings cut to 500 characters, files described, depth and size bounded. */
export function auditJson(value: unknown, maxChars = 4000): string {
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') return v.length > 500 ? `${v.slice(0, 500)}…(${v.length} chars)` : v;
    if (typeof v === 'number' || typeof v === 'boolean') return v;
    if (typeof v === 'bigint') return v.toString();
    if (typeof v !== 'object') return String(v);
    if (typeof Blob !== 'undefined' && v instanceof Blob) {
      const f = v as Blob & { name?: string };
      return { file: f.name ?? null, size: f.size, type: f.type };
    }
    if (seen.has(v) || depth > 5) return '…';
    seen.add(v);
    if (Array.isArray(v)) return v.length > 50 ? [...v.slice(0, 50).map((x) => walk(x, depth + 1)), `…(${v.length} items)`] : v.map((x) => walk(x, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = SECRET_KEY.test(k) ? '[redacted]' : walk(x, depth + 1);
    return out;
  };
  const text = JSON.stringify(walk(value, 0));
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}

/** Cells that a spreadsheet would run as a formula get a leading apostrophe (CSV injection). */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS: (keyof AuditEntry)[] = [
  'id',
  'at',
  'actor',
  'actorKind',
  'role',
  'operation',
  'field',
  'entityId',
  'entityLabel',
  'ok',
  'summary',
  'args',
  'before',
  'after',
];

/** Labels (and id prefixes) of the access-control records only admins may read. */
const ACCOUNT_LABELS = new Set(['User', 'ApiToken', 'Session']);
const ACCOUNT_ID = /^(user|token|apitoken|session):/i;
const ADMIN_ONLY = '{"redacted":"admin only"}';

function isAccountEntry(e: AuditEntry): boolean {
  return (
    ACCOUNT_LABELS.has(e.entityLabel ?? '') ||
    ACCOUNT_ID.test(e.entityId ?? '') ||
    ['createUser', 'removeUser', 'setUserRole', 'setUserPassword', 'createApiToken', 'revokeApiToken'].includes(e.field)
  );
}

export class AuditService {
  constructor(private readonly store: Store) {}

  /** Appends an entry; pass `tx` to write it inside a transaction that is already open. */
  async record(entry: NewAuditEntry, tx: QueryRunner = this.store): Promise<string> {
    const at = entry.at ? new Date(entry.at) : new Date();
    const id = newAuditId(at);
    await tx.run('write/audit/record', { ...entry, id, at: at.toISOString() });
    return id;
  }

  /**
   * A page of the trail, newest first. Without `accounts` (callers below admin)
   * entries about user accounts, tokens and sessions keep who/what/when but
   * not their arguments or before/after: those are admin-only records.
   */
  async page(options: { first?: number | null; after?: string | null; entityId?: string | null; accounts?: boolean } = {}): Promise<AuditPage> {
    const first = options.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
      throw new ValidationError(`first must be an integer from 1 to ${MAX_PAGE} (got ${first})`, 'first');
    const rows = await this.store.run<AuditEntry>('read/audit/entries', { entityId: options.entityId ?? null, after: options.after ?? null });
    const entries = rows
      .slice(0, first)
      .map((e) => (options.accounts === false && isAccountEntry(e) ? { ...e, args: ADMIN_ONLY, before: null, after: null } : e));
    const hasMore = rows.length > first;
    return { entries, hasMore, endCursor: hasMore ? (entries.at(-1)?.id ?? null) : null };
  }

  /** The whole trail (or one entity's) as CSV, newest first, at most `limit` rows. */
  async csv(options: { entityId?: string | null; limit?: number; accounts?: boolean } = {}): Promise<string> {
    const limit = options.limit ?? 10_000;
    const lines = [CSV_COLUMNS.join(',')];
    let after: string | null = null;
    let count = 0;
    while (count < limit) {
      const page: AuditPage = await this.page({ first: Math.min(MAX_PAGE, limit - count), after, entityId: options.entityId, accounts: options.accounts });
      for (const entry of page.entries) lines.push(CSV_COLUMNS.map((c) => csvCell(entry[c])).join(','));
      count += page.entries.length;
      if (!page.hasMore || !page.endCursor) break;
      after = page.endCursor;
    }
    return lines.join('\r\n') + '\r\n';
  }

  /** Labels and properties of the node with this id (any label), secrets removed; null when none. Pass `tx` to read inside a write transaction. */
  async snapshot(entityId: string, tx: QueryRunner = this.store): Promise<Snapshot | null> {
    const [row] = await tx.run<{ labels: string[]; properties: Record<string, unknown> }>('read/audit/entity-by-id', { id: entityId });
    if (!row) return null;
    return { label: row.labels[0] ?? null, json: auditJson(row.properties, 8000) };
  }
}
