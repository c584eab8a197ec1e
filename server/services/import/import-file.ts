import { performance } from 'node:perf_hooks';
import type { QueryRunner, Store } from '../../store/store.ts';
import { runBatch, type ImportWriteQuery } from './write-batches.ts';
import { ValidationError } from '../../errors.ts';
import { checkOverrides, mapHeader } from './columns.ts';
import { planOperates, planSupplies } from './plan-links.ts';
import { planEnterprises } from './plan-enterprises.ts';
import { planSegments } from './plan-segments.ts';
import { planAreas } from './plan-areas.ts';
import { planMapping } from './plan-mapping.ts';
import { planProjects } from './plan-projects.ts';
import { listProjects } from '../projects/projects.ts';
import { mappingOf } from './link-suggestions.ts';
import type { Plan, PlannedItem } from './plan.ts';
import { readTable } from './read-table.ts';
import { limitedWork } from '../limits/work-limits.ts';
import { loadAreas, loadChains, loadEnterprises, loadSegments } from './reference.ts';
import { IMPORT_KINDS, type ImportOptions, type ImportReport } from './types.ts';

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

async function plan(
  db: QueryRunner,
  options: ImportOptions,
  rows: Parameters<typeof planEnterprises>[0],
  columns: Parameters<typeof planEnterprises>[1],
): Promise<Plan> {
  switch (options.kind) {
    case 'enterprises': {
      const [areas, segments, enterprises, operates] = await Promise.all([loadAreas(db), loadSegments(db), loadEnterprises(db), loadOperates(db)]);
      return planEnterprises(rows, columns, { areas, segments, enterprises, operates, mapping: mappingOf(segments.values()) }, options.accept);
    }
    case 'operates': {
      const [segments, enterprises, operates] = await Promise.all([loadSegments(db), loadEnterprises(db), loadOperates(db)]);
      return planOperates(rows, columns, { segments, enterprises, operates });
    }
    case 'supplies': {
      const [enterprises, supplies] = await Promise.all([
        loadEnterprises(db),
        db.run<{ supplier: string; buyer: string; product: string | null; share: number | null }>('read/import/supplies'),
      ]);
      return planSupplies(rows, columns, {
        enterprises,
        supplies: new Map(supplies.map((s) => [`${s.supplier}|${s.buyer}`, { product: s.product, share: s.share }])),
      });
    }
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
  }
}

async function loadOperates(db: QueryRunner): Promise<Map<string, string | null>> {
  const rows = await db.run<{ enterprise: string; segment: string; role: string | null }>('read/import/operates-in');
  return new Map(rows.map((r) => [`${r.enterprise}|${r.segment}`, r.role]));
}

/** Groups the writes of the accepted rows by query (in WRITE_ORDER), dropping identical rows. */
export function collectWrites(items: PlannedItem[]): { query: ImportWriteQuery; rows: Record<string, unknown>[] }[] {
  const byQuery = new Map<string, Map<string, Record<string, unknown>>>();
  for (const item of items) {
    if (item.action === 'reject' || item.action === 'unchanged') continue;
    for (const w of item.writes) {
      const rows = byQuery.get(w.query) ?? new Map();
      rows.set(JSON.stringify(w.row), w.row);
      byQuery.set(w.query, rows);
    }
  }
  return WRITE_ORDER.filter((q) => byQuery.has(q)).map((query) => ({ query, rows: [...byQuery.get(query)!.values()] }));
}

/**
 * Imports one .xlsx or .csv file of the given kind. The file is read and
 * checked against the graph (every row becomes create, update, unchanged or
 * reject, with row-level issues); unless it is a dry run, the accepted rows
 * are then written in ONE transaction, in UNWIND batches. A rejected row
 * means nothing is written unless `skipInvalid` is set.
 *
 * Reading, checking and planning happen OUTSIDE the write transaction, so
 * the embedded store's single write queue is held only for the writes and
 * other editors' short writes go through meanwhile. The plan is still exactly
 * what gets written: if anything was committed since planning began (the
 * store's write generation moved), it is made again inside the transaction.
 * Neo4j (no write generation across servers) always plans inside it.
 * One import runs at a time (the `import` lane: BUSY beyond a short queue).
 */
export function importFile(store: Store, bytes: Buffer, fileName: string, options: ImportOptions): Promise<ImportReport> {
  return limitedWork(store, 'import', { zh: '导入', en: 'an import' }, () => runImport(store, bytes, fileName, options));
}

async function runImport(store: Store, bytes: Buffer, fileName: string, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  if (!(IMPORT_KINDS as readonly string[]).includes(options.kind)) {
    throw new ValidationError(`未知的导入类型 / unknown import kind '${options.kind}' (one of ${IMPORT_KINDS.join(', ')})`, 'kind');
  }
  if (options.mapping) checkOverrides(options.kind, options.mapping);
  const table = await readTable(bytes, fileName);
  // project lists give investment in 亿元, enterprise lists output in 万元
  const header = mapHeader(table, options.kind, options.mapping ?? {}, options.unit ?? (options.kind === 'projects' ? '亿元' : '万元'));
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;

  const makeReport = (p: Plan, committed: boolean, reason: [string, string] | null): ImportReport => {
    const count = (a: string) => p.items.filter((i) => i.action === a).length;
    const issues = [...header.issues, ...p.issues];
    return {
      kind: options.kind,
      fileName,
      format: table.format,
      encoding: table.encoding,
      sheet: table.sheet,
      dryRun: options.dryRun,
      skipInvalid: options.skipInvalid ?? false,
      committed,
      notCommittedReason: reason?.[0] ?? null,
      notCommittedReasonEn: reason?.[1] ?? null,
      columns: header.columns.map(({ header: h, field, unit }) => ({ header: h, field, unit })),
      counts: {
        rows: p.items.length,
        create: count('create'),
        update: count('update'),
        unchanged: count('unchanged'),
        reject: count('reject'),
        warnings: issues.filter((i) => i.severity === 'warning').length,
      },
      items: p.items.map(({ writes: _w, ...item }) => ({ ...item, inferred: item.inferred ?? [] })),
      issues,
      suggestions: p.suggestions ?? [],
      durationMs: Math.round(performance.now() - started),
    };
  };

  if (header.fatal) {
    const p: Plan = {
      items: header.dataRows.map((r) => ({
        row: r.row,
        action: 'reject',
        id: null,
        label: r.cells.find(Boolean) ?? '',
        changes: [],
        matchedBy: null,
        writes: [],
      })),
      issues: [],
    };
    return makeReport(p, false, ['文件缺少必需的列，未写入任何数据', 'a required column is missing; nothing was written']);
  }
  if (options.dryRun)
    return makeReport(await plan(store, options, header.dataRows, header.columns), false, ['预检（dry run），未写入', 'dry run: nothing was written']);

  /** Thrown inside the transaction so that it rolls back; carries the report. */
  class NotCommitted extends Error {
    constructor(readonly report: ImportReport) {
      super('not committed');
    }
  }
  const generation = store.writeGeneration();
  const early = store.kind === 'embedded' ? await plan(store, options, header.dataRows, header.columns) : null;
  try {
    return await store.transaction(async (tx) => {
      const p = early && store.writeGeneration() === generation ? early : await plan(tx, options, header.dataRows, header.columns);
      const rejectedRows = p.items.filter((i) => i.action === 'reject').length;
      if (rejectedRows && !options.skipInvalid) {
        throw new NotCommitted(
          makeReport(p, false, [
            `有 ${rejectedRows} 行未通过校验，未写入任何数据（修正后重新导入，或选择跳过无效行）`,
            `${rejectedRows} row(s) rejected; nothing was written (fix them, or choose to skip invalid rows)`,
          ]),
        );
      }
      const writes = collectWrites(p.items);
      const total = writes.reduce((n, w) => n + w.rows.length, 0);
      let written = 0;
      for (const { query, rows } of writes) {
        for (let i = 0; i < rows.length; i += batchSize) {
          const batch = rows.slice(i, i + batchSize);
          await runBatch(tx, query, batch);
          written += batch.length;
          options.onProgress?.(written, total);
        }
      }
      return makeReport(p, true, null);
    });
  } catch (e) {
    if (e instanceof NotCommitted) return e.report;
    throw e;
  }
}
