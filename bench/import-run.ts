/**
 * npx tsx bench/import-run.ts [--enterprises 50000] [--supplies 250000] [--seed 2] [--dir /tmp/chain-graph-bench/import] [--files DIR]
 * Import speed (issue 17): writes generated enterprises.csv, supplies.csv and
 * operates-in.csv (npm run generate -- --out), then imports them in that order
 * through importFile (what `npm run import` runs) into a fresh seeded embedded
 * store, and prints rows/s (wall and per CPU-second), peak RSS and the
 * calibration figure at start and end, and the reachable JS heap (after a full
 * collection, its time left out) once each file is planned and once imported.
 * Results: bench/results/import-<N>.json.
 * --files DIR imports files generated before (e.g. by an earlier run: DIR/files)
 * instead of generating them (a 1M-row set takes minutes to write).
 * --kinds supplies,operates imports only those files (in that order); --base DIR
 * starts from a copy of the store in DIR (e.g. one a run with --kinds enterprises
 * left) instead of a fresh seeded one, so a link file is measured without
 * importing a million enterprises first.
 */
import { cpSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SyntheticGraph } from '../server/services/generate/generate.ts';
import { writeGeneratedFiles } from '../server/services/generate/load.ts';
import { importFile } from '../server/services/import/import-file.ts';
import type { ImportKind } from '../server/services/import/types.ts';
import { loadSeeds } from '../server/services/seed/load-seeds.ts';
import { EmbeddedStore } from '../server/store/embedded-store.ts';
import { calibrate, closeCalibration, describeCalibration } from './lib/calibration.ts';
import { processMemoryMb, round, table } from './lib/measure.ts';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

// heapUsed counts garbage not yet collected: the JS heap an import keeps is measured after a full collection
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** MB of JS heap still reachable (a full collection first), and the CPU ms that collection took (left out of the import's figures). */
function liveHeap(): { mb: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  collect();
  const c = process.cpuUsage(c0);
  return { mb: Math.round(process.memoryUsage().heapUsed / 2 ** 20), cpuMs: (c.user + c.system) / 1000 };
}

/** Imports one file into `store` and measures it (see the header); returns the figures, not the report. */
async function importStep(store: EmbeddedStore, kind: ImportKind, name: string, file: string): Promise<Record<string, number | string | boolean | null>> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  // the heap once the file is read and planned (the first batch is about to be written): its peak
  let planned: { mb: number; cpuMs: number; ms: number } | undefined;
  const onProgress = () => {
    if (planned) return;
    const t = performance.now();
    planned = { ...liveHeap(), ms: performance.now() - t };
  };
  const report = await importFile(store, { path: file }, name, { kind, dryRun: false, onProgress });
  const ms = performance.now() - t0 - (planned?.ms ?? 0);
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000 - (planned?.cpuMs ?? 0);
  const r = {
    file: name,
    mb: round(statSync(file).size / 2 ** 20, 1),
    ...report.counts,
    committed: report.committed,
    seconds: round(ms / 1000, 1),
    cpuSeconds: round(cpuMs / 1000, 1),
    rowsPerSecond: Math.round(report.counts.rows / (ms / 1000)),
    rowsPerCpuSecond: Math.round(report.counts.rows / (cpuMs / 1000)),
    rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    // the JS share of it, garbage included; the rest is mostly the store's own
    heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    // reachable JS heap when planned (reference maps, report, writes) and after the import (the report)
    plannedHeapMb: planned?.mb ?? null,
    reportHeapMb: liveHeap().mb,
    loadAvg1: round(loadavg()[0]!, 1),
  };
  console.log(
    `${name}: ${r.rows} rows (create ${r.create}, update ${r.update}, unchanged ${r.unchanged}, reject ${r.reject}) in ${r.seconds} s = ${r.rowsPerSecond} rows/s, ${r.rowsPerCpuSecond} rows per CPU-second, rss ${r.rssMb} MB (JS heap ${r.heapMb} MB; reachable when planned ${r.plannedHeapMb} MB, after ${r.reportHeapMb} MB)`,
  );
  return r;
}

async function main() {
  const { values } = parseArgs({
    options: {
      enterprises: { type: 'string', default: '50000' },
      supplies: { type: 'string', default: '250000' },
      seed: { type: 'string', default: '2' },
      dir: { type: 'string', default: '/tmp/chain-graph-bench/import' },
      files: { type: 'string' },
      kinds: { type: 'string', default: 'enterprises,supplies,operates' },
      base: { type: 'string' },
    },
    strict: true,
  });
  const enterprises = Number(values.enterprises);
  const supplies = Number(values.supplies);
  const dir = values.dir!;
  const start = await calibrate();
  console.log(describeCalibration('start', start));
  rmSync(path.join(dir, 'data'), { recursive: true, force: true });
  const files = values.files ?? path.join(dir, 'files');
  if (values.files) console.log(`files from ${files} (not generated again)`);
  else writeGeneratedFiles(new SyntheticGraph({ enterprises, supplies, seed: Number(values.seed) }), files);
  const fileOf: Partial<Record<ImportKind, string>> = { enterprises: 'enterprises.csv', supplies: 'supplies.csv', operates: 'operates-in.csv' };
  const steps = values.kinds!.split(',').map((kind): [ImportKind, string] => {
    const name = fileOf[kind as ImportKind];
    if (!name) throw new Error(`--kinds: one or more of ${Object.keys(fileOf).join(', ')}, got '${kind}'`);
    return [kind as ImportKind, name];
  });
  if (values.base) cpSync(values.base, path.join(dir, 'data'), { recursive: true });
  const store = EmbeddedStore.open(path.join(dir, 'data'));
  const results: Record<string, unknown>[] = [];
  try {
    await store.applySchema();
    if (!values.base) await loadSeeds(store);
    // one function per file: a report kept in the loop's frame stayed reachable through the next file's import
    for (const [kind, name] of steps) results.push(await importStep(store, kind, name, path.join(files, name)));
  } finally {
    await store.close();
  }
  const end = await calibrate();
  await closeCalibration();
  const peakRssMb = processMemoryMb('self');
  console.log(
    '\n' +
      describeCalibration('start', start) +
      '\n' +
      describeCalibration('end', end) +
      '\n' +
      table(
        ['file', 'rows', 'wall s', 'CPU s', 'rows/s', 'rows per CPU-s'],
        results.map((r) => [String(r.file), Number(r.rows), Number(r.seconds), Number(r.cpuSeconds), Number(r.rowsPerSecond), Number(r.rowsPerCpuSecond)]),
      ) +
      `\npeak RSS ${peakRssMb} MB; target 20,000 rows/s`,
  );
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = `${RESULTS_DIR}import-${enterprises}${values.kinds === 'enterprises,supplies,operates' ? '' : `-${steps.map(([k]) => k).join('-')}`}.json`;
  writeFileSync(file, JSON.stringify({ enterprises, supplies, base: values.base ?? null, calibration: { start, end }, peakRssMb, results }, null, 2) + '\n');
  console.log(`wrote ${file}; the store and files stay in ${dir}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
