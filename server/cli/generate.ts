import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { SyntheticGraph, TIERS, type Tier } from '../services/generate/generate.ts';
import { loadGenerated, loadSkeleton, writeGeneratedFiles } from '../services/generate/load.ts';
import { SHAPES } from '../services/generate/shapes.ts';
import { createStore } from '../store/create-store.ts';

const USAGE = `npm run generate -- (--tier S|M|L | --enterprises N --supplies M) [--seed S] [--shape plan|contrast] (--out DIR | --store embedded|neo4j [--data-dir DIR])
  Writes a synthetic, fictional graph on the chains and segments of seeds/: as files (JSON lines + enterprises.csv)
  with --out, or straight into a store (indexes first, the seed skeleton, then 5k-row batches).
  --shape: plan (the benchmark tiers) or contrast (other segment sizes, regional mix and supplier rules; docs/ranking.md).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tier: { type: 'string' },
      enterprises: { type: 'string' },
      supplies: { type: 'string' },
      seed: { type: 'string', default: '1' },
      shape: { type: 'string', default: 'plan' },
      out: { type: 'string' },
      store: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) return void console.log(USAGE);
  const tier = values.tier ? TIERS[values.tier.toUpperCase() as Tier] : undefined;
  if (values.tier && !tier) throw new Error(`--tier must be S, M or L\n${USAGE}`);
  const enterprises = Number(values.enterprises ?? tier?.enterprises);
  const supplies = Number(values.supplies ?? tier?.supplies);
  const seed = Number(values.seed);
  if (!Number.isInteger(enterprises) || !Number.isInteger(supplies) || !Number.isInteger(seed)) throw new Error(`need whole numbers\n${USAGE}`);
  if (!values.out === !values.store) throw new Error(`give exactly one of --out DIR or --store KIND\n${USAGE}`);

  let t0 = performance.now();
  const shape = SHAPES[values.shape!];
  if (!shape) throw new Error(`--shape must be one of ${Object.keys(SHAPES).join(', ')} (got '${values.shape}')\n${USAGE}`);
  const graph = new SyntheticGraph({ enterprises, supplies, seed, shape });
  console.log(`model of ${enterprises} enterprises built in ${Math.round(performance.now() - t0)} ms (seed ${seed})`);
  if (values.out) {
    t0 = performance.now();
    const report = writeGeneratedFiles(graph, path.resolve(values.out));
    console.log(
      `wrote ${Object.entries(report.files)
        .map(([f, n]) => `${f} (${n})`)
        .join(', ')} to ${report.dir} in ${Math.round(performance.now() - t0)} ms`,
    );
    return;
  }
  const config = loadConfig(['--store', values.store!, '--data-dir', values['data-dir'] ?? './data'], process.env);
  const store = await createStore(config);
  try {
    t0 = performance.now();
    const skeleton = await loadSkeleton(store, graph.skeleton);
    console.log(`skeleton (${skeleton}) in ${Math.round(performance.now() - t0)} ms`);
    let last = 0;
    const steps = await loadGenerated(store, graph, (s) => {
      if (performance.now() - last < 2000) return;
      last = performance.now();
      console.log(`  ${s.kind}: ${s.rows} rows, ${Math.round(s.rows / (s.ms / 1000))} rows/s`);
    });
    const rows = steps.reduce((n, s) => n + s.rows, 0);
    const ms = steps.reduce((n, s) => n + s.ms, 0);
    for (const s of steps) console.log(`${s.kind}: ${s.rows} rows in ${(s.ms / 1000).toFixed(1)} s = ${Math.round(s.rows / (s.ms / 1000))} rows/s`);
    console.log(
      `total ${rows} rows in ${(ms / 1000).toFixed(1)} s = ${Math.round(rows / (ms / 1000))} rows/s into ${config.store} ${config.store === 'embedded' ? config.dataDir : ''}`,
    );
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exit(1);
});
