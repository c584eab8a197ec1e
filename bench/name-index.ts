/**
 * The search's name index at a size no store on this machine has to hold:
 * the generator's enterprise names (the ones `npm run bench -- --tier L` loads,
 * with the search names every write path stores), made in memory, packed into
 * a NameIndex, and searched. Build time, memory and the matching time per text
 * (the index alone: search's context lookup of ≤ 20 hits is the store's, timed
 * by the benchmark on a loaded store).
 *
 *   npx tsx bench/name-index.ts [--enterprises 1000000] [--seed 1]
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { normaliseName } from '../server/model/normalise-name.ts';
import { SEARCH_DEFAULT_LIMIT, SEARCH_LABELS } from '../server/services/explore/search.ts';
import { SyntheticGraph } from '../server/services/generate/generate.ts';
import { NameIndex, type NameRow } from '../server/services/projection/name-index.ts';
import { percentile, processMemoryMb, round } from './lib/measure.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const { values } = parseArgs({ options: { enterprises: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '1' } } });
const enterprises = Number(values.enterprises);
if (!Number.isInteger(enterprises) || enterprises < 2) throw new Error(`--enterprises: need an integer ≥ 2, got ${values.enterprises}`);
const mb = (b: number) => round(b / 2 ** 20, 1);

const graph = new SyntheticGraph({ enterprises, supplies: 0, seed: Number(values.seed) });
const t0 = performance.now();
const rows: NameRow[] = [];
for (let i = 0; i < enterprises; i++) {
  const { id, name, shortName } = graph.enterprise(i).enterprise;
  rows.push({ id, label: 'Enterprise', name, shortName, searchName: normaliseName(name), searchShortName: normaliseName(shortName), searchAliases: null });
}
console.log(`${enterprises} generated enterprises' names in ${Math.round(performance.now() - t0)} ms; load ${loadavg()[0]!.toFixed(1)}`);

gc();
const before = process.memoryUsage();
const c0 = process.cpuUsage();
const index = NameIndex.build(rows);
const c = process.cpuUsage(c0);
const peakMb = processMemoryMb('self');
rows.length = 0;
gc();
const after = process.memoryUsage();
const { stats } = index;
console.log(
  `built: ${stats.nodes} nodes, ${stats.grams} grams, ${stats.postings} postings in ${Math.round(stats.buildMs)} ms (CPU ${Math.round((c.user + c.system) / 1000)} ms); ` +
    `typed arrays ${mb(stats.bytes)} MB (array buffers +${mb(after.arrayBuffers - before.arrayBuffers)} MB, heap ${mb(after.heapUsed - before.heapUsed)} MB once the rows are gone); ` +
    `process peak RSS ${peakMb ?? 'unknown'} MB with the rows`,
);

const mid = Math.floor(enterprises / 2);
const texts = [
  // the benchmark's texts (bench/run.ts chooseInputs)
  '科技',
  '巢湖',
  '合金',
  graph.enterprise(mid).enterprise.name,
  graph.enterprise(mid + 1).enterprise.shortName,
  // one character, a legal form in every name, a normalised variant, no match
  '市',
  '有限公司',
  normaliseName(graph.enterprise(mid + 2).enterprise.name),
  '查无此名',
];
const all: number[] = [];
for (const raw of texts) {
  const q = normaliseName(raw) || raw;
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < 53; i++) {
    const t = performance.now();
    hits = index.find(q, raw, [...SEARCH_LABELS], SEARCH_DEFAULT_LIMIT).length;
    if (i >= 3) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  if (texts.indexOf(raw) < 5) all.push(...times);
  console.log(
    `  ${raw}: ${hits} hits, median ${round(percentile(times, 50), 3)} ms, p95 ${round(percentile(times, 95), 3)} ms, max ${round(times.at(-1)!, 3)} ms`,
  );
}
all.sort((a, b) => a - b);
console.log(
  `the benchmark's five texts: median ${round(percentile(all, 50), 3)} ms, p95 ${round(percentile(all, 95), 3)} ms; load ${loadavg()[0]!.toFixed(1)}`,
);
