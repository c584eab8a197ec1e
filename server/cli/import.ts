/**
 * npm run import -- FILE [--kind enterprises|operates|supplies|segments|areas|mapping] [--dry-run]
 *   [--skip-invalid] [--mapping MAPPING.yaml|json] [--unit 万元|亿元] [--accept all] [--accept-rows 2,5] [--accept-ids ID,…]
 *   [--json] [--store …] [--data-dir DIR]
 *
 * Prints the import report. Exit code 0 when committed (or a dry run without
 * rejected rows), 1 when rows were rejected and nothing was written, 2 on a usage error.
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ConfigError, loadConfig } from '../config.ts';
import { ValidationError } from '../errors.ts';
import { splitCliArgs, UsageError } from './cli-args.ts';
import { formatReport } from '../services/import/format-report.ts';
import { importFile } from '../services/import/import-file.ts';
import { AMOUNT_UNITS, IMPORT_KINDS, type AmountUnit, type ColumnOverrides, type ImportKind } from '../services/import/types.ts';
import { createStore } from '../store/create-store.ts';

const USAGE = `usage: npm run import -- FILE [--kind ${IMPORT_KINDS.join('|')}] [--dry-run] [--skip-invalid] [--mapping FILE] [--unit 万元|亿元] [--accept all] [--accept-rows 2,5] [--accept-ids ID,…] [--json] [--store embedded|neo4j] [--data-dir DIR]`;

async function main(): Promise<number> {
  const { values, positionals, configArgs } = splitCliArgs(
    process.argv.slice(2),
    {
      kind: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'skip-invalid': { type: 'boolean' },
      mapping: { type: 'string' },
      unit: { type: 'string' },
      json: { type: 'boolean' },
      accept: { type: 'string' },
      'accept-rows': { type: 'string' },
      'accept-ids': { type: 'string' },
    },
    USAGE,
  );
  if (positionals.length !== 1) throw new UsageError(`give exactly one FILE (.xlsx or .csv)\n${USAGE}`);
  const kind = (values.kind ?? 'enterprises') as ImportKind;
  if (!IMPORT_KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(', ')}`);
  if (values.unit !== undefined && !(AMOUNT_UNITS as readonly string[]).includes(values.unit)) throw new UsageError('--unit must be 万元 or 亿元');
  let mapping: ColumnOverrides | undefined;
  if (values.mapping) {
    try {
      mapping = YAML.parse(readFileSync(values.mapping, 'utf8')) as ColumnOverrides; // YAML is a superset of JSON
    } catch (e) {
      throw new UsageError(`cannot read the mapping file ${values.mapping}: ${(e as Error).message}`);
    }
    if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping)) throw new UsageError('the mapping file must map header → field');
  }
  if (values.accept !== undefined && values.accept !== 'all') throw new UsageError('--accept takes "all" (or use --accept-rows / --accept-ids)');
  const rows = values['accept-rows'] ? values['accept-rows'].split(',').map((x) => Number(x.trim())) : [];
  if (rows.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError('--accept-rows takes row numbers as Excel shows them, e.g. 2,5');
  const ids = values['accept-ids']
    ? values['accept-ids']
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
  const accept = values.accept || rows.length || ids.length ? { all: values.accept === 'all', rows, ids } : undefined;
  const file = positionals[0]!;
  // Read as a stream by the import (a CSV is never held whole): check here that it is a readable file.
  try {
    accessSync(file, constants.R_OK);
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const config = loadConfig(configArgs);
  const store = await createStore(config);
  try {
    const started = Date.now();
    const report = await importFile(store, { path: file }, path.basename(file), {
      kind,
      dryRun: values['dry-run'] ?? false,
      skipInvalid: values['skip-invalid'] ?? false,
      unit: values.unit as AmountUnit | undefined,
      mapping,
      accept,
      actor: 'npm run import',
      onProgress: (written, total) => process.stderr.write(`写入 writing ${written}/${total}\n`),
    });
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    if (!values.json) console.error(`(${Date.now() - started} ms)`);
    return report.committed || (report.dryRun && report.counts.reject === 0) ? 0 : 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    const usage = e instanceof UsageError || e instanceof ConfigError || e instanceof ValidationError;
    console.error(usage ? (e as Error).message : `import failed: ${(e as Error).stack ?? String(e)}`);
    process.exit(usage ? 2 : 1);
  },
);
