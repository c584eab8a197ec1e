/**
 * npm run export -- enterprises|gaps|candidates|projects [--format csv|xlsx] [--out FILE]
 *   [--gap GAP_ID | --segment SEGMENT_ID [--area AREA_ID]] [--store …] [--data-dir DIR]
 * npm run export -- report --month YYYY-MM [--area AREA_ID] [--unit UNIT_ID] [--stalled-days N] [--out FILE]
 *
 * Writes the table as CSV (UTF-8 with BOM, opens in Excel) or .xlsx; without
 * --out the file gets its default name (企业名单-YYYYMMDD.xlsx …) in the current folder.
 */
import { statSync, writeFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { ENTERPRISE_BASE_NAME, exportCandidates, exportGaps, exportProjects, writeEnterpriseFile } from '../services/export/export-tables.ts';
import { monthlyReportXlsx } from '../services/reports/report-workbook.ts';
import { EXPORT_FORMATS, exportFileName, MIME_TYPES, type ExportFormat } from '../services/export/table-file.ts';
import { splitCliArgs, UsageError } from './cli-args.ts';
import { createStore } from '../store/create-store.ts';
import type { Store } from '../store/store.ts';
import type { StoreConfig } from '../store/store-config.ts';
import { listChains } from '../services/chains/list-chains.ts';

const USAGE =
  'usage: npm run export -- enterprises|gaps|candidates|projects [--format csv|xlsx] [--out FILE] [--gap ID | --segment ID [--area ID]]\n' +
  '       npm run export -- report --month YYYY-MM [--area ID] [--unit ID] [--stalled-days N] [--out FILE]   (monthly 调度 report, .xlsx)';

async function main(): Promise<void> {
  const { values, positionals, configArgs } = splitCliArgs(
    process.argv.slice(2),
    {
      format: { type: 'string' },
      out: { type: 'string' },
      gap: { type: 'string' },
      segment: { type: 'string' },
      area: { type: 'string' },
      unit: { type: 'string' },
      month: { type: 'string' },
      'stalled-days': { type: 'string' },
    },
    USAGE,
  );
  const kind = positionals[0];
  if (positionals.length !== 1 || !['enterprises', 'gaps', 'candidates', 'projects', 'report'].includes(kind!)) throw new UsageError(USAGE);
  if (kind === 'report') return exportReport(values, configArgs);
  const format = (values.format ?? (values.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx')) as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError('--format must be csv or xlsx');
  if (kind === 'candidates' && !values.gap && !values.segment) throw new UsageError('candidates needs --gap GAP_ID or --segment SEGMENT_ID');
  const store = await openExportedStore(loadConfig(configArgs));
  try {
    if (kind === 'enterprises') {
      // Read in pages and written as read (a provincial register is a million rows), under OUT.partial until complete.
      const out = values.out ?? exportFileName(ENTERPRISE_BASE_NAME, format);
      await writeEnterpriseFile(store, format, out);
      console.log(`${out}: ${statSync(out).size} bytes (${MIME_TYPES[format]})`);
      return;
    }
    const file =
      kind === 'gaps'
        ? await exportGaps(store, format)
        : kind === 'projects'
          ? await exportProjects(store, format)
          : await exportCandidates(store, format, { gapId: values.gap ?? null, segmentId: values.segment ?? null, areaId: values.area ?? null });
    const out = values.out ?? file.filename;
    writeFileSync(out, file.buffer);
    console.log(`${out}: ${file.buffer.length} bytes (${file.mimeType})`);
  } finally {
    await store.close();
  }
}

/**
 * The store to export from, refused when it holds no chain: a wrong --data-dir
 * would otherwise give empty tables (or "Area not found") that look like data.
 */
async function openExportedStore(config: StoreConfig): Promise<Store> {
  const store = await createStore(config);
  if ((await listChains(store)).length > 0) return store;
  await store.close();
  const where = config.store === 'neo4j' ? `Neo4j at ${config.neo4j.uri}` : `the store in ${config.dataDir}`;
  throw new UsageError(
    `${where} is empty (no chain): load the plan first (npm run seed, or start the server once), or point --data-dir / --store at the store that holds your data`,
  );
}

/** The monthly 调度 report (.xlsx only). */
async function exportReport(
  values: { month?: string; area?: string; unit?: string; format?: string; out?: string; 'stalled-days'?: string },
  configArgs: string[],
): Promise<void> {
  const month = values.month;
  if (!month) throw new UsageError('report needs --month YYYY-MM');
  if (values.format && values.format !== 'xlsx') throw new UsageError('the report is an .xlsx workbook (--format xlsx)');
  const days = values['stalled-days'];
  const stalledDays = days === undefined ? null : Number(days);
  const store = await openExportedStore(loadConfig(configArgs));
  try {
    const file = await monthlyReportXlsx(store, { month, areaId: values.area ?? null, unitId: values.unit ?? null, stalledDays });
    const out = values.out ?? file.filename;
    writeFileSync(out, file.buffer);
    console.log(`${out}: ${file.buffer.length} bytes (${file.mimeType})`);
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  const usage = e instanceof UsageError || e instanceof ConfigError || e instanceof ValidationError || e instanceof NotFoundError;
  console.error(usage ? (e as Error).message : `export failed: ${(e as Error).stack ?? String(e)}`);
  process.exit(usage ? 2 : 1);
});
