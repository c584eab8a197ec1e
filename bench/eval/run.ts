/**
 * npm run eval -- ranking [--dataset plan,contrast] [--tier S|M] [--enterprises N --supplies M] [--gen-seed N]
 *                         [--data-dir DIR] [--seeds 5] [--hold-out 0.2] [--weights JSON] [--no-fit] [--json FILE]
 * Held-out link prediction for the supplier ranking (issue 14): see ranking-eval.ts and docs/ranking.md.
 * Generated datasets are built in memory; --data-dir evaluates a copy of an embedded store (the original is not touched).
 */
import { cpSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { enterpriseId, SyntheticGraph, TIERS, type Tier } from '../../server/services/generate/generate.ts';
import { loadGenerated, loadSkeleton } from '../../server/services/generate/load.ts';
import { DomainError } from '../../server/errors.ts';
import { SHAPES } from '../../server/services/generate/shapes.ts';
import { resolveWeights } from '../../server/services/suppliers/weights.ts';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';
import type { Store } from '../../server/store/store.ts';
import { bootstrap, metrics, mrrDifference, type Interval, type MetricName } from './metrics.ts';
import { evaluateRanking, METHODS, type RankingEvaluation } from './ranking-eval.ts';

const USAGE = `npm run eval -- ranking [--dataset plan,contrast] [--tier S|M] [--enterprises N --supplies M] [--gen-seed N]
                        [--data-dir DIR] [--seeds 5] [--hold-out 0.2] [--weights JSON] [--no-fit] [--json FILE]`;

const GENERATED = enterpriseId(0).slice(0, -7);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const f2 = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(2));
const fmt = (i: Interval) => `${f2(i.value)} [${f2(i.low)}, ${f2(i.high)}]`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function number(values: Record<string, unknown>, name: string, fallback: number, check: (n: number) => boolean): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!check(n)) fail(`--${name}: '${String(raw)}' is not allowed`);
  return n;
}

interface Dataset {
  name: string;
  open: () => Promise<{
    store: Store;
    cleanup: () => void;
    describe: string;
    oracle?: (supplierId: string, buyerId: string) => ((candidateId: string) => number) | null;
  }>;
}

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      dataset: { type: 'string' },
      tier: { type: 'string' },
      enterprises: { type: 'string' },
      supplies: { type: 'string' },
      'gen-seed': { type: 'string' },
      'data-dir': { type: 'string' },
      seeds: { type: 'string' },
      'hold-out': { type: 'string' },
      weights: { type: 'string' },
      'no-fit': { type: 'boolean' },
      json: { type: 'string' },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return void console.log(USAGE);
  if (positionals.length !== 1 || positionals[0] !== 'ranking') fail(`what to evaluate: 'ranking' (got '${positionals.join(' ')}')`);
  const seeds = number(values, 'seeds', 5, (n) => Number.isInteger(n) && n >= 1 && n <= 100);
  const holdOut = number(values, 'hold-out', 0.2, (n) => n > 0 && n < 1);
  const genSeed = number(values, 'gen-seed', 1, Number.isInteger);
  const tierName = (values.tier ?? 'S').toUpperCase();
  if (!(tierName in TIERS)) fail(`--tier: '${values.tier}' is not S, M or L`);
  const tier = TIERS[tierName as Tier];
  const enterprises = number(values, 'enterprises', tier.enterprises, (n) => Number.isInteger(n) && n >= 2);
  const supplies = number(values, 'supplies', tier.supplies, (n) => Number.isInteger(n) && n >= 0);
  let weights: Record<string, number> | null = null;
  if (values.weights) {
    try {
      weights = JSON.parse(values.weights);
    } catch {
      fail(`--weights: not JSON ('${values.weights}')`);
    }
  }
  const fit = !values['no-fit'];
  resolveWeights(weights); // refuses unknown names and negative weights before any data is built

  const datasets: Dataset[] = [];
  if (values['data-dir']) {
    const dir = path.resolve(values['data-dir']);
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      fail(`--data-dir: '${dir}' is not a directory (an embedded store's data directory, as the server's --data-dir)`);
    datasets.push({
      name: `store ${dir}`,
      open: async () => {
        // A copy: the evaluation removes and writes back SUPPLIES; the user's store is never written.
        const copy = mkdtempSync(path.join(tmpdir(), 'eval-ranking-'));
        cpSync(dir, copy, { recursive: true });
        const store = EmbeddedStore.open(copy);
        await store.applySchema();
        return { store, cleanup: () => rmSync(copy, { recursive: true, force: true }), describe: `copy of ${dir}` };
      },
    });
  }
  const shapes = values.dataset ? values.dataset.split(',') : values['data-dir'] ? [] : ['plan', 'contrast'];
  for (const name of shapes) {
    const shape = SHAPES[name];
    if (!shape) fail(`--dataset: '${name}' is not one of ${Object.keys(SHAPES).join(', ')}`);
    datasets.push({
      name: `generated '${name}'`,
      open: async () => {
        const store = EmbeddedStore.open(':memory:');
        await store.applySchema();
        const graph = new SyntheticGraph({ enterprises, supplies, seed: genSeed, shape });
        await loadSkeleton(store, graph.skeleton);
        await loadGenerated(store, graph);
        // The generator's own odds for each local buyer's draws: the ceiling of any ranking on these data.
        const trace = graph.traceDraws();
        const index = (id: string) => (id.startsWith(GENERATED) ? Number(id.slice(GENERATED.length)) : -1);
        const oracle = (supplierId: string, buyerId: string) => {
          const odds = index(supplierId) >= 0 && index(buyerId) >= 0 ? graph.drawOdds(trace, index(buyerId)) : null;
          return odds && ((candidateId: string) => (index(candidateId) >= 0 ? odds(index(candidateId)) : 0));
        };
        return {
          store,
          cleanup: () => undefined,
          describe: `${enterprises} enterprises, ${supplies} supplies, shape ${name}, generator seed ${genSeed} (+ the seed graph)`,
          oracle,
        };
      },
    });
  }

  console.log(
    `eval ranking: ${seeds} split(s), ${Math.round(holdOut * 100)} % of external→local supplier–buyer pairs held out; weights ${fit ? 'fitted on the store’s links per split' : 'the defaults'}${weights ? `, overridden by ${JSON.stringify(weights)}` : ''}`,
  );
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${load()} at start`);
  const results: Record<string, unknown>[] = [];
  const t0 = performance.now();
  for (const d of datasets) {
    const { store, cleanup, describe, oracle } = await d.open();
    try {
      console.log(`\n== ${d.name}: ${describe}`);
      const t = performance.now();
      const ev = await evaluateRanking(store, { seeds, holdOut, weights, oracle, fit, log: (l) => console.log(l) });
      results.push(report(d.name, describe, ev, performance.now() - t));
    } finally {
      await store.close();
      cleanup();
    }
  }
  console.log(`\ndone in ${((performance.now() - t0) / 1000).toFixed(1)} s; load average ${load()} at end`);
  if (values.json) writeFileSync(values.json, JSON.stringify({ seeds, holdOut, weights, loadAtEnd: loadavg(), results }, null, 2));
}

function report(name: string, describe: string, ev: RankingEvaluation, ms: number): Record<string, unknown> {
  const n = ev.ranks.product.length;
  console.log(
    `${ev.pairs} pairs, ${ev.askable} askable; held out per split ${ev.heldOutPerSplit.join(', ')} (${n} questions); ` +
      `${ev.meanCandidates.toFixed(0)} candidates per question; true supplier in the segment asked ${(ev.trueInSegment * 100).toFixed(0)} %; ${(ms / 1000).toFixed(1)} s`,
  );
  if (n === 0) {
    console.log('nothing to evaluate: no SUPPLIES from external enterprises to local ones');
    return { name, describe, questions: 0 };
  }
  const ci = bootstrap(ev.ranks);
  const cols: [MetricName, string][] = [
    ['hits1', 'hits@1'],
    ['hits10', 'hits@10'],
    ['hits10Covered', 'hits@10 (covered)'],
    ['mrr', 'MRR'],
    ['coverage', 'coverage'],
  ];
  console.log(`| method | ${cols.map((c) => c[1]).join(' | ')} |`);
  console.log(`|---|${cols.map(() => '---').join('|')}|`);
  for (const m of METHODS) console.log(`| ${m} | ${cols.map(([k]) => fmt(ci[m]![k])).join(' | ')} |`);
  const diff = mrrDifference(ev.ranks.product, ev.ranks.byCustomers);
  const goalMrr = ci.product!.mrr.value >= ci.byCustomers!.mrr.value + 0.1 && ci.product!.mrr.low > ci.byCustomers!.mrr.high;
  const goalHits = ci.product!.hits10Covered.value >= 0.9;
  console.log(`MRR product − byCustomers: ${fmt(diff)} (paired bootstrap)`);
  console.log(
    `goal: MRR ≥ byCustomers + 0.10 with disjoint intervals: ${goalMrr ? 'met' : 'NOT met'}; hits@10 where covered ≥ 0.9: ${goalHits ? 'met' : 'NOT met'}`,
  );
  let ceiling: Record<string, number> | null = null;
  if (ev.drawn && ev.drawn.oracle.length) {
    const d = ev.drawn;
    ceiling = Object.fromEntries((['oracle', ...METHODS] as const).map((m) => [m, metrics(d[m]).mrr]));
    console.log(
      `ceiling: on the ${d.oracle.length} held-out links the generator drew, ranking by its own odds (oracle) gives MRR ${f2(ceiling.oracle!)}, ` +
        `hits@10 ${f2(metrics(d.oracle).hits10)}; product ${f2(ceiling.product!)}, byCustomers ${f2(ceiling.byCustomers!)}, random ${f2(ceiling.random!)}`,
    );
  }
  return {
    name,
    describe,
    questions: n,
    ceiling,
    pairs: ev.pairs,
    trueInSegment: ev.trueInSegment,
    meanCandidates: ev.meanCandidates,
    metrics: ci,
    mrrDifference: diff,
    goalMrr,
    goalHits,
  };
}

main().catch((e: unknown) => {
  // A user's mistake (such as a weight name) is said plainly; anything else with its stack.
  console.error(e instanceof DomainError ? e.message : ((e as Error).stack ?? String(e)));
  process.exit(1);
});
