/**
 * npm run export -- enterprises|gaps|candidates [--format csv|xlsx] [--out FILE]
 *   [--gap GAP_ID | --segment SEGMENT_ID [--area AREA_ID]] [--store …] [--data-dir DIR]
 *
 * Writes the table as CSV (UTF-8 with BOM, opens in Excel) or .xlsx; without
 * --out the file gets its default name (企业名单-YYYYMMDD.xlsx …) in the current folder.
 */
import { writeFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { exportCandidates, exportEnterprises, exportGaps } from '../services/export/export-tables.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../services/export/table-file.ts';
import { splitCliArgs, UsageError } from './cli-args.ts';
import { createStore } from '../store/create-store.ts';

const USAGE = 'usage: npm run export -- enterprises|gaps|candidates [--format csv|xlsx] [--out FILE] [--gap ID | --segment ID [--area ID]]';

async function main(): Promise<void> {
  const { values, positionals, configArgs } = splitCliArgs(
    process.argv.slice(2),
    { format: { type: 'string' }, out: { type: 'string' }, gap: { type: 'string' }, segment: { type: 'string' }, area: { type: 'string' } },
    USAGE,
  );
  const kind = positionals[0];
  if (positionals.length !== 1 || !['enterprises', 'gaps', 'candidates'].includes(kind!)) throw new UsageError(USAGE);
  const format = (values.format ?? (values.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx')) as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError('--format must be csv or xlsx');
  if (kind === 'candidates' && !values.gap && !values.segment) throw new UsageError('candidates needs --gap GAP_ID or --segment SEGMENT_ID');
  const store = await createStore(loadConfig(configArgs));
  try {
    const file =
      kind === 'enterprises'
        ? await exportEnterprises(store, format)
        : kind === 'gaps'
          ? await exportGaps(store, format)
          : await exportCandidates(store, format, { gapId: values.gap ?? null, segmentId: values.segment ?? null, areaId: values.area ?? null });
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
