import { performance } from 'node:perf_hooks';
import type { QueryRunner, Store } from '../../store/store.ts';
import { QueryWrites, runBatch, writeKey, type ImportWriteQuery } from './write-batches.ts';
import { ValidationError } from '../../errors.ts';
import { checkOverrides, hasCells, HEADER_SEARCH_ROWS, mapHeader, type HeaderResult, type MappedColumn } from './columns.ts';
import { planOperates, planSupplies } from './plan-links.ts';
import { planEnterprises } from './plan-enterprises.ts';
import { planSegments } from './plan-segments.ts';
import { planAreas } from './plan-areas.ts';
import { planMapping } from './plan-mapping.ts';
import { planProjects } from './plan-projects.ts';
import { listProjects } from '../projects/projects.ts';
import { mappingOf, type LinkSuggestion } from './link-suggestions.ts';
import type { ChunkPlanner, Plan, PlannedWrite } from './plan.ts';
import { openTable, type TableRow, type TableSource } from './read-table.ts';
import { limitedWork } from '../limits/work-limits.ts';
import { loadAreas, loadChains, loadEnterpriseKeys, loadEnterprises, loadSegments } from './reference.ts';
import { ENTERPRISE_PAGE, enterpriseIds, readEnterprisePages } from '../projection/enterprise-pages.ts';
import { IMPORT_KINDS, type ImportIssue, type ImportItem, type ImportOptions, type ImportReport } from './types.ts';

/** Rows per UNWIND batch: big enough to be fast, small enough for Neo4j's transaction memory. */
export const DEFAULT_BATCH_SIZE = 5000;

/** Order of the writes of each kind: nodes before the relationships that match them. */
const WRITE_ORDER = [
  'write/import/areas',
  'write/import/area-unparent',
  'write/import/area-parent',
  'write/import/chains',
  'write/import/segments',
  'write/import/chain-segments',
  'write/import/feeds',
  'write/import/enterprise-create',
  'write/import/enterprise-create-located',
  'write/import/enterprise-create-located-operating',
  'write/import/enterprise-update',
  'write/import/enterprise-unlocate',
  'write/import/enterprise-locate',
  'write/import/operates-in-create',
  'write/import/operates-in-update',
  'write/import/supplies-create',
  'write/import/supplies-update',
  'write/import/project-create',
  'write/import/project-update',
  'write/import/project-unlink',
  'write/import/project-in-area',
  'write/import/project-investor',
  'write/import/project-lead-unit',
  'write/import/project-look-after',
  'write/import/project-at-segment',
  'write/import/project-in-chain',
  'write/import/project-fills-gap',
  'write/import/project-event',
] as const satisfies readonly ImportWriteQuery[];

/** Plans the rows of a file chunk by chunk (`add`), then what only the whole file can say (`end`). */
interface FilePlanner {
  add(rows: readonly TableRow[]): Plan;
  end(): Promise<Plan>;
  /** Whether two rows may plan the same write (see PlannedFile). */
  rowsShareWrites: boolean;
}

const NOTHING: Plan = { items: [], issues: [] };
/** The empty list every report row without inferences or changes shares. */
const EMPTY_LIST: string[] = Object.freeze([]) as unknown as string[];

/** Enterprise lists and their links are planned as they stream; the other kinds (small lists) once whole. */
async function planner(db: QueryRunner, options: ImportOptions, columns: MappedColumn[]): Promise<FilePlanner> {
  const streamed = (add: ChunkPlanner): FilePlanner => ({ add, end: async () => NOTHING, rowsShareWrites: false });
  switch (options.kind) {
    case 'enterprises': {
      const ids = await enterpriseIds(db);
      const [areas, segments, enterprises, operates] = await Promise.all([
        loadAreas(db),
        loadSegments(db),
        loadEnterprises(db, ENTERPRISE_PAGE, ids),
        loadOperates(db, ids),
      ]);
      return streamed(planEnterprises(columns, { areas, segments, enterprises, operates, mapping: mappingOf(segments.values()) }, options.accept));
    }
    case 'operates': {
      const ids = await enterpriseIds(db);
      const [segments, enterprises, operates] = await Promise.all([loadSegments(db), loadEnterpriseKeys(db, ENTERPRISE_PAGE, ids), loadOperates(db, ids)]);
      return streamed(planOperates(columns, { segments, enterprises, operates }));
    }
    case 'supplies': {
      const ids = await enterpriseIds(db);
      const [enterprises, supplies] = await Promise.all([loadEnterpriseKeys(db, ENTERPRISE_PAGE, ids), loadSupplies(db, ids)]);
      return streamed(planSupplies(columns, { enterprises, supplies }));
    }
    default: {
      const rows: TableRow[] = [];
      return {
        add: (chunk) => {
          for (const r of chunk) rows.push(r);
          return NOTHING;
        },
        end: () => planWhole(db, options, rows, columns),
        rowsShareWrites: true,
      };
    }
  }
}

async function planWhole(db: QueryRunner, options: ImportOptions, rows: TableRow[], columns: MappedColumn[]): Promise<Plan> {
  switch (options.kind) {
    case 'mapping': {
      const [chains, segments] = await Promise.all([loadChains(db), loadSegments(db)]);
      return planMapping(rows, columns, { chains, segments });
    }
    case 'areas':
      return planAreas(rows, columns, await loadAreas(db));
    case 'projects': {
      const [areas, segments, chains, enterprises, units, gaps, projects] = await Promise.all([
        loadAreas(db),
        loadSegments(db),
        loadChains(db),
        loadEnterprises(db),
        db.run<{ id: string; name: string }>('read/import/units'),
        db.run<{ id: string; segmentId: string; chainId: string | null }>('read/import/gaps'),
        listProjects(db),
      ]);
      return planProjects(rows, columns, {
        areas,
        segments,
        chains,
        enterprises,
        units,
        gaps,
        projects,
        actor: options.actor ?? 'import',
        at: new Date().toISOString(),
      });
    }
    case 'segments': {
      const [chains, segments, feeds] = await Promise.all([loadChains(db), loadSegments(db), db.run<{ source: string; target: string }>('read/import/feeds')]);
      return planSegments(rows, columns, { chains, segments, feeds: new Set(feeds.map((f) => `${f.source}|${f.target}`)) });
    }
    default:
      throw new Error(`${options.kind} is planned as it streams`);
  }
}

/** Every OPERATES_IN by `enterprise|segment`, read in pages of the enterprises `ids` (enterprise-pages.ts). */
async function loadOperates(db: QueryRunner, ids: readonly string[]): Promise<Map<string, string | null>> {
  const operates = new Map<string, string | null>();
  await readEnterprisePages<{ enterprise: string; segment: string; role: string | null }>(db, 'read/import/operates-in-page', ids, (rows) => {
    for (const r of rows) operates.set(`${r.enterprise}|${r.segment}`, r.role);
  });
  return operates;
}

/** Every SUPPLIES by `supplier->buyer` (the id an import report gives the relation), read in pages of the suppliers `ids` (enterprise-pages.ts). */
async function loadSupplies(db: QueryRunner, ids: readonly string[]): Promise<Map<string, { product: string | null; share: number | null }>> {
  const supplies = new Map<string, { product: string | null; share: number | null }>();
  await readEnterprisePages<{ supplier: string; buyer: string; product: string | null; share: number | null }>(db, 'read/import/supplies-page', ids, (rows) => {
    for (const s of rows) supplies.set(`${s.supplier}->${s.buyer}`, { product: s.product, share: s.share });
  });
  return supplies;
}

/**
 * Everything a file's plan says: the report's rows and issues, and the writes
 * of its accepted rows by query (write-batches.ts: lists per field where the
 * query takes them), identical writes once. A streamed kind's planner never
 * plans one write for two rows (its duplicate check rejects the second), so
 * only a row's own writes are compared there; other kinds (a project list may
 * name one new investor in many rows) are compared across the file.
 */
class PlannedFile {
  readonly items: ImportItem[] = [];
  readonly issues: ImportIssue[] = [];
  readonly suggestions: LinkSuggestion[] = [];
  private readonly byQuery = new Map<ImportWriteQuery, QueryWrites>();
  /** Where each write is, by writeKey, when rows may repeat one another's writes. */
  private readonly at: Map<string, number> | null;

  constructor(rowsShareWrites: boolean) {
    this.at = rowsShareWrites ? new Map() : null;
  }

  /** Report rows' `changes` lists by content: a million created rows name a handful of field sets. */
  private readonly lists = new Map<string, string[]>();

  /** The one frozen list with these entries (a new file's rows would otherwise keep a million arrays). */
  private shared(list: string[]): string[] {
    if (!list.length) return EMPTY_LIST;
    const key = list.join('\u0000');
    const known = this.lists.get(key);
    if (known) return known;
    // a file of varied updates: keep its lists as they are beyond a bound
    if (this.lists.size < 10_000) this.lists.set(key, Object.freeze(list) as string[]);
    return list;
  }

  add(plan: Plan): void {
    for (const p of plan.items) {
      // A literal, not `{ writes, ...item }`: V8 gives most objects copied by a rest or spread from per-row objects a
      // map (hidden class) of their own, and the report keeps a million. Most rows infer nothing: one shared empty list.
      const item: ImportItem = {
        row: p.row,
        action: p.action,
        id: p.id,
        label: p.label,
        changes: this.shared(p.changes),
        matchedBy: p.matchedBy,
        inferred: p.inferred?.length ? p.inferred : EMPTY_LIST,
      };
      this.items.push(item);
      if (item.action === 'reject' || item.action === 'unchanged') continue;
      this.addWrites(p.writes);
    }
    for (const i of plan.issues) this.issues.push(i);
    for (const sg of plan.suggestions ?? []) this.suggestions.push(sg);
  }

  private addWrites(writes: readonly PlannedWrite[]): void {
    const placed: number[] = [];
    for (let j = 0; j < writes.length; j++) {
      const w = writes[j]!;
      let rows = this.byQuery.get(w.query);
      if (!rows) this.byQuery.set(w.query, (rows = new QueryWrites(w.query)));
      let at: number | undefined;
      if (this.at) {
        const key = `${w.query}\u0000${writeKey(w)}`;
        at = this.at.get(key);
        if (at === undefined) this.at.set(key, rows.length);
      } else {
        for (let k = 0; k < j && at === undefined; k++) if (writes[k]!.query === w.query && writeKey(writes[k]!) === writeKey(w)) at = placed[k];
      }
      placed.push(rows.put(w.row, at));
    }
  }

  count(action: ImportItem['action']): number {
    return this.items.reduce((n, i) => (i.action === action ? n + 1 : n), 0);
  }

  /** The writes in WRITE_ORDER, handed over once. */
  takeWrites(): QueryWrites[] {
    const writes = WRITE_ORDER.flatMap((q) => this.byQuery.get(q) ?? []);
    this.byQuery.clear();
    this.at?.clear();
    return writes;
  }
}

/** A file read and planned against the graph: what it is, its header, its plan. */
interface ReadFile {
  format: 'xlsx' | 'csv';
  encoding: string | null;
  sheet: string | null;
  header: HeaderResult;
  planned: PlannedFile;
}

/**
 * Reads the file and plans it chunk by chunk as it streams: the first rows give
 * the header, then every chunk is checked and dropped, keeping only the report's
 * rows and the writes. A file whose header lacks a required column is read to
 * the end, every row rejected.
 */
async function readAndPlan(db: QueryRunner, source: TableSource, fileName: string, options: ImportOptions): Promise<ReadFile> {
  const table = await openTable(source, fileName);
  const chunks = table.chunks[Symbol.asyncIterator]();
  const head: TableRow[] = [];
  let ended = false;
  while (head.length < HEADER_SEARCH_ROWS) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    for (const r of next.value) head.push(r);
  }
  // project lists give investment in 亿元, enterprise lists output in 万元
  const header = mapHeader(
    { ...table, rows: head.slice(0, HEADER_SEARCH_ROWS) },
    options.kind,
    options.mapping ?? {},
    options.unit ?? (options.kind === 'projects' ? '亿元' : '万元'),
  );
  const plan = header.fatal ? null : await planner(db, options, header.columns);
  const planned = new PlannedFile(plan?.rowsShareWrites ?? false);
  const rest = async function* (): AsyncIterable<TableRow[]> {
    yield [...header.dataRows, ...head.slice(HEADER_SEARCH_ROWS).filter(hasCells)];
    if (!ended) for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value.filter(hasCells);
  };
  if (!plan) {
    for await (const rows of rest()) {
      planned.add({
        items: rows.map((r) => ({ row: r.row, action: 'reject', id: null, label: r.cells.find(Boolean) ?? '', changes: [], matchedBy: null, writes: [] })),
        issues: [],
      });
    }
  } else {
    for await (const rows of rest()) planned.add(plan.add(rows));
    planned.add(await plan.end());
  }
  return { format: table.format, encoding: table.encoding, sheet: table.sheet, header, planned };
}

/**
 * Imports one .xlsx or .csv file of the given kind, given as bytes (an
 * upload) or a path (the CLI: a CSV is then streamed from disk). The file is
 * read and checked against the graph chunk by chunk (every row becomes create,
 * update, unchanged or reject, with row-level issues); unless it is a dry run,
 * the accepted rows are then written in ONE transaction, in UNWIND batches
 * (creates as lists per field). A rejected row means nothing is written
 * unless `skipInvalid` is set.
 *
 * Reading, checking and planning happen OUTSIDE the write transaction, so
 * the embedded store's single write queue is held only for the writes and
 * other editors' short writes go through meanwhile. The plan is still exactly
 * what gets written: if anything was committed since planning began (the
 * store's write generation moved), it is made again inside the transaction.
 * Neo4j (no write generation across servers) always plans inside it.
 * One import runs at a time (the `import` lane: BUSY beyond a short queue).
 */
export function importFile(store: Store, source: TableSource, fileName: string, options: ImportOptions): Promise<ImportReport> {
  return limitedWork(store, 'import', { zh: '导入', en: 'an import' }, () => runImport(store, source, fileName, options));
}

async function runImport(store: Store, source: TableSource, fileName: string, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  if (!(IMPORT_KINDS as readonly string[]).includes(options.kind)) {
    throw new ValidationError(`未知的导入类型 / unknown import kind '${options.kind}' (one of ${IMPORT_KINDS.join(', ')})`, 'kind');
  }
  if (options.mapping) checkOverrides(options.kind, options.mapping);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;

  const makeReport = ({ format, encoding, sheet, header, planned }: ReadFile, committed: boolean, reason: [string, string] | null): ImportReport => {
    const issues = [...header.issues, ...planned.issues];
    return {
      kind: options.kind,
      fileName,
      format,
      encoding,
      sheet,
      dryRun: options.dryRun,
      skipInvalid: options.skipInvalid ?? false,
      committed,
      notCommittedReason: reason?.[0] ?? null,
      notCommittedReasonEn: reason?.[1] ?? null,
      columns: header.columns.map(({ header: h, field, unit }) => ({ header: h, field, unit })),
      counts: {
        rows: planned.items.length,
        create: planned.count('create'),
        update: planned.count('update'),
        unchanged: planned.count('unchanged'),
        reject: planned.count('reject'),
        warnings: issues.filter((i) => i.severity === 'warning').length,
      },
      items: planned.items,
      issues,
      suggestions: planned.suggestions,
      durationMs: Math.round(performance.now() - started),
    };
  };

  const generation = store.writeGeneration();
  const early = store.kind === 'embedded' || options.dryRun ? await readAndPlan(store, source, fileName, options) : null;
  if (early?.header.fatal) return makeReport(early, false, ['文件缺少必需的列，未写入任何数据', 'a required column is missing; nothing was written']);
  if (early && options.dryRun) return makeReport(early, false, ['预检（dry run），未写入', 'dry run: nothing was written']);

  /** Thrown inside the transaction so that it rolls back; carries the report. */
  class NotCommitted extends Error {
    constructor(readonly report: ImportReport) {
      super('not committed');
    }
  }
  try {
    return await store.transaction(async (tx) => {
      const file = early && store.writeGeneration() === generation ? early : await readAndPlan(tx, source, fileName, options);
      if (file.header.fatal)
        throw new NotCommitted(makeReport(file, false, ['文件缺少必需的列，未写入任何数据', 'a required column is missing; nothing was written']));
      const rejectedRows = file.planned.count('reject');
      if (rejectedRows && !options.skipInvalid) {
        throw new NotCommitted(
          makeReport(file, false, [
            `有 ${rejectedRows} 行未通过校验，未写入任何数据（修正后重新导入，或选择跳过无效行）`,
            `${rejectedRows} row(s) rejected; nothing was written (fix them, or choose to skip invalid rows)`,
          ]),
        );
      }
      const writes = file.planned.takeWrites();
      const total = writes.reduce((n, w) => n + w.length, 0);
      let written = 0;
      for (const rows of writes) {
        for (let i = 0; i < rows.length; i += batchSize) {
          await runBatch(tx, rows, i, batchSize);
          rows.release(i, batchSize);
          written += Math.min(batchSize, rows.length - i);
          options.onProgress?.(written, total);
        }
      }
      return makeReport(file, true, null);
    });
  } catch (e) {
    if (e instanceof NotCommitted) return e.report;
    throw e;
  }
}
