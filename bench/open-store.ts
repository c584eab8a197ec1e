/**
 * How long the embedded engine takes to open a store, alone: `GrafeoDB.create(file)` (what the server's
 * EmbeddedStore.open calls), then the product's schema statements (cypher/schema/embedded, as applySchema runs
 * them on every start), then a first query, then close; wall and CPU of each, several times, and the process's
 * RSS once open. The floor under the server's start on an existing store (bench/README.md).
 *
 *   npx tsx bench/open-store.ts --data-dir DIR [--runs 3] [--read-only]
 *
 * Each run opens the store in a fresh process (an open in a process that has closed it once is not the same).
 * Use a copy of a store: opening writes nothing, but closing may checkpoint.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import grafeo from '@grafeo-db/js';
import { getQuery } from '../server/store/cypher-library.ts';
import { percentile, processMemoryMb, round } from './lib/measure.ts';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, runs: { type: 'string', default: '3' }, 'read-only': { type: 'boolean' }, child: { type: 'boolean' } },
});
if (!values['data-dir']) {
  console.error('usage: npx tsx bench/open-store.ts --data-dir DIR [--runs 3] [--read-only]');
  process.exit(2);
}
const file = path.join(path.resolve(values['data-dir']), 'graph.grafeo');
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: need an integer ≥ 1, got ${values.runs}`);

interface OpenFigures {
  openMs: number;
  openCpuMs: number;
  rssMb: number | null;
  schemaMs: number;
  firstQueryMs: number;
  closeMs: number;
}

if (values.child) {
  const { GrafeoDB } = grafeo;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const db = values['read-only'] ? GrafeoDB.openReadOnly(file) : GrafeoDB.create(file);
  const openMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const rssMb = processMemoryMb('self', 'VmRSS') ?? null;
  const ts = performance.now();
  if (!values['read-only']) for (const statement of getQuery('schema/embedded').statements) (await db.executeCypher(statement, {})).toArray();
  const schemaMs = performance.now() - ts;
  const t1 = performance.now();
  (await db.executeCypher('MATCH (s:Segment) RETURN count(s) AS n', {})).toArray();
  const firstQueryMs = performance.now() - t1;
  const t2 = performance.now();
  db.close();
  const figures: OpenFigures = { openMs, openCpuMs: (c.user + c.system) / 1000, rssMb, schemaMs, firstQueryMs, closeMs: performance.now() - t2 };
  console.log(JSON.stringify(figures));
} else {
  console.log(`opening ${file}${values['read-only'] ? ' read-only' : ''}, ${runs} run(s), each in a fresh process; load ${loadavg()[0]!.toFixed(2)}`);
  const all: OpenFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, ...process.argv.slice(2), '--child'], { encoding: 'utf8' });
    const f = JSON.parse(out.trim().split('\n').at(-1)!) as OpenFigures;
    all.push(f);
    console.log(
      `  run ${i + 1}: open ${round(f.openMs, 0)} ms wall, ${round(f.openCpuMs, 0)} ms CPU; RSS once open ${f.rssMb ?? 'unknown'} MB; ` +
        `schema ${round(f.schemaMs, 1)} ms; first query ${round(f.firstQueryMs, 1)} ms; close ${round(f.closeMs, 0)} ms; load ${loadavg()[0]!.toFixed(2)}`,
    );
  }
  const m = (k: keyof OpenFigures) =>
    round(
      percentile(
        all.map((f) => f[k] ?? NaN).sort((a, b) => a - b),
        50,
      ),
      0,
    );
  console.log(`median of ${runs}: open ${m('openMs')} ms wall, ${m('openCpuMs')} ms CPU, RSS ${m('rssMb')} MB`);
}
