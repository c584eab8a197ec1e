/**
 * npm run bench -- --tier S|M|L [--store embedded|neo4j] [--seed N] [--skip-http] [--skip-ui] [--keep-data]
 * npm run bench -- soak [--tier S|M] [--minutes 10]   (the hardening soak: bench/soak.ts)
 * Loads the tier (timed), runs every operation in-process through the services,
 * load-tests GraphQL over HTTP against the real server, measures the UI in
 * headless Chromium, prints tables and writes bench/results/<tier>-<store>.json.
 */
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { SyntheticGraph, TIERS, enterpriseId, type Tier } from '../server/services/generate/generate.ts';
import { loadGenerated, loadSkeleton, type LoadStep } from '../server/services/generate/load.ts';
import { resetStore } from '../server/services/seed/load-seeds.ts';
import { search } from '../server/services/explore/search.ts';
import { createStore } from '../server/store/create-store.ts';
import { loadTest, startServer, type LoadResult } from './lib/http.ts';
import { processCpuMs, processMemoryMb, round, table, type OpResult } from './lib/measure.ts';
import { enableProjection } from '../server/services/projection/projection-lifecycle.ts';
import { runFloor, runOperations, TARGETS, type FloorResult, type OpInputs } from './lib/ops.ts';
import { describeWeightFit, measureWeightFit, type WeightFitFigures } from './lib/weight-fit.ts';
import { describeNameIndex, describeProjection, measureNameIndex, measureProjection, type NameIndexFigures, type ProjectionFigures } from './lib/projection.ts';
import { gapAnalysis } from '../server/services/gaps/gap-analysis.ts';
import { runUiBench } from './lib/ui.ts';
import { calibrate, closeCalibration, describeCalibration, REFERENCE, type Calibration } from './lib/calibration.ts';
import { runSoak } from './soak.ts';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

const HEAVY = `query Heavy { gapAnalysis { counts { fill extend strengthen }
  segments { segmentId name localCount localOutput outsideShare presence hasLeader }
  gaps { id kind segmentId segmentName severity reasonZh evidence { nodeIds edgeIds } } } }`;
const LIGHT = `query Light { chains { id name nameEn targetOutput segmentCount } }`;
const NEIGHBOURHOOD = `query Neighbourhood($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 2000) {
  truncated nodes { id label name } edges { id type source target } } }`;

async function main() {
  if (process.argv[2] === 'soak') return runSoak(process.argv.slice(3));
  const { values } = parseArgs({
    options: {
      tier: { type: 'string', default: 'S' },
      store: { type: 'string', default: 'embedded' },
      seed: { type: 'string', default: '1' },
      'data-dir': { type: 'string' },
      'skip-http': { type: 'boolean' },
      'skip-ui': { type: 'boolean' },
      'skip-ops': { type: 'boolean' },
      reuse: { type: 'boolean' },
      skip: { type: 'string', default: '' },
      'http-queries': { type: 'string', default: 'trivial,light,gapAnalysis,neighbourhood' },
      'http-seconds': { type: 'string', default: '8' },
    },
    strict: true,
  });
  const tier = values.tier!.toUpperCase() as Tier;
  if (!(tier in TIERS)) throw new Error('--tier must be S, M or L');
  const kind = values.store!;
  const dataDir = values['data-dir'] ?? `/tmp/chain-graph-bench/${tier}-${kind}`;
  const config = loadConfig(['--store', kind, '--data-dir', dataDir], process.env);
  const started = new Date().toISOString();
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memTotalGb: round(totalmem() / 2 ** 30, 1),
    memFreeGbAtStart: round(freemem() / 2 ** 30, 1),
    node: process.version,
    loadAvgAtStart: loadavg().map((x) => round(x, 1)),
  };
  console.log(
    `bench tier ${tier} on ${kind} (${kind === 'embedded' ? dataDir : config.neo4j.uri}); ${machine.cpus} × ${machine.cpuModel}, ${machine.memTotalGb} GB, Node ${machine.node}`,
  );
  const calibrationStart = await calibrate();
  console.log(describeCalibration('start', calibrationStart));

  // ---- load (timed) ----
  // --reuse: keep the store a previous run of this tier left (no load figures), to iterate on the operations.
  const reuse = Boolean(values.reuse) && (kind === 'neo4j' || existsSync(dataDir));
  if (kind === 'embedded' && !reuse) rmSync(dataDir, { recursive: true, force: true });
  const t0 = performance.now();
  const store = await createStore(config);
  const openMs = round(performance.now() - t0, 0);
  // As the server does (server/main.ts): on Neo4j the projections serve only with ANALYTICS_PROJECTION=on, which the
  // server this bench starts inherits too. Both processes are then the database's only writers, one after the other.
  // With --skip-ops this process reads none (at tier L they would sit in memory beside the server's own).
  if (kind === 'neo4j' && config.neo4jProjection && !values['skip-ops']) enableProjection(store);
  const projections = kind === 'embedded' || config.neo4jProjection ? 'on' : 'off';
  console.log(
    `projections (analytics, explore topology, name index): ${projections}${kind === 'neo4j' && projections === 'off' ? ' (set ANALYTICS_PROJECTION=on to measure them)' : ''}`,
  );
  // Neo4j runs in its own Java process (npm run neo4j prints NEO4J_PID): its CPU and peak memory are part of the store's cost.
  const neo4jPid = Number(process.env.NEO4J_PID);
  const storePid = kind === 'neo4j' && Number.isInteger(neo4jPid) && neo4jPid > 0 ? neo4jPid : undefined;
  const storeCpuMs = storePid === undefined ? undefined : () => processCpuMs(storePid);
  if (kind === 'neo4j' && !reuse) await resetStore(store);
  const t1 = performance.now();
  const skeleton = reuse ? 'reused' : await loadSkeleton(store, new SyntheticGraph({ enterprises: 2, supplies: 0 }).skeleton);
  const skeletonMs = round(performance.now() - t1, 0);
  let steps: LoadStep[] = [];
  let graph: SyntheticGraph | undefined;
  if (tier !== 'S') graph = new SyntheticGraph({ ...TIERS[tier], seed: Number(values.seed) });
  if (graph && !reuse) {
    let last = 0;
    steps = await loadGenerated(store, graph, (s) => {
      if (performance.now() - last < 5000) return;
      last = performance.now();
      console.log(
        `  loading ${s.kind}: ${s.rows} rows, ${Math.round(s.rows / (s.ms / 1000))} rows/s, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`,
      );
    });
  }
  const loadRows = steps.reduce((n, s) => n + s.rows, 0);
  const loadMs = steps.reduce((n, s) => n + s.ms, 0);
  const load = {
    reused: reuse,
    openMs,
    skeleton,
    skeletonMs,
    steps: steps.map((s) => ({
      ...s,
      ms: round(s.ms, 0),
      cpuMs: round(s.cpuMs, 0),
      rowsPerSecond: Math.round(s.rows / (s.ms / 1000)),
      rowsPerCpuSecond: Math.round(s.rows / (s.cpuMs / 1000)),
    })),
    rows: loadRows,
    seconds: round(loadMs / 1000, 1),
    rowsPerSecond: loadRows ? Math.round(loadRows / (loadMs / 1000)) : null,
    rowsPerCpuSecond: loadRows ? Math.round(loadRows / (steps.reduce((n, s) => n + s.cpuMs, 0) / 1000)) : null,
    targetRowsPerSecond: 20_000,
    benchRssMbAfterLoad: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
  console.log(
    `load: ${loadRows} rows in ${load.seconds} s = ${load.rowsPerSecond ?? '-'} rows/s, ${load.rowsPerCpuSecond ?? '-'} rows per CPU-second (skeleton ${skeleton} ${skeletonMs} ms)`,
  );

  // ---- in-process operations ----
  let ops: OpResult[] = [];
  let floor: FloorResult | undefined;
  let floorError: string | undefined;
  const inputs = await chooseInputs(store, graph);
  console.log(`inputs: chain ${inputs.chainId}, gap ${inputs.gapId}`);
  const logOp = (r: OpResult) =>
    console.log(
      `  ${r.name}: median ${r.medianMs} ms (CPU ${r.cpuMedianMs} ms), p95 ${r.p95Ms}, max ${r.maxMs}, rows ${r.rows}, runs ${r.runs}${r.error ? `  ERROR ${r.error}` : ''}`,
    );
  let projection: ProjectionFigures | undefined;
  let weightFit: WeightFitFigures | undefined;
  let nameIndex: NameIndexFigures | undefined;
  if (!values['skip-ops']) {
    projection = await measureProjection(store, storeCpuMs);
    console.log(describeProjection(projection));
    weightFit = await measureWeightFit(store);
    console.log(describeWeightFit(weightFit));
    nameIndex = await measureNameIndex(store, storeCpuMs);
    console.log(describeNameIndex(nameIndex));
    console.log('\noperations (in-process, through the services):');
    const skip = new Set(values.skip!.split(',').filter(Boolean));
    ops = await runOperations(store, inputs, TARGETS[tier], logOp, skip, storeCpuMs);
    if (!skip.has('floor')) {
      console.log('\nthe floor (plain JS over arrays read once, same chain and gap):');
      try {
        floor = await runFloor(store, inputs, ops, logOp);
        console.log(
          `  read once: ${floor.rows} rows in ${floor.readMs} ms; parity: gapOne ${floor.parity.gapOne}; gapAll ${floor.parity.gapAll}; suppliers ${floor.parity.suppliers}`,
        );
      } catch (e) {
        // The floor reads in pages (enterprise-pages.ts), so an engine's query limit should not stop it; if a read fails, say so, go on.
        floorError = (e as Error).message.slice(0, 300);
        console.log(`  not computed: ${floorError}`);
      }
    }
  }
  await store.close();

  // ---- HTTP / GraphQL ----
  let http: { startupMs: number; projectionWord: string; results: LoadResult[]; peakRssMb: number | undefined; error?: string } | undefined;
  if (!values['skip-http']) {
    console.log('\nGraphQL over HTTP (autocannon, 16 connections):');
    const server = await startServer(kind, dataDir);
    // The server reads the analytics projection after it listens: load tests start once it has (not competing with it).
    const projectionWord = (await server.waitForOutput(/analytics projection[^\n]*/, 600_000)) ?? 'analytics projection: no word within 10 min';
    console.log(`  ${projectionWord}`);
    // then the ranking's weights, fitted in the background after the projection
    console.log(`  ${(await server.waitForOutput(/ranking weights[^\n]*/, 600_000)) ?? 'ranking weights: no word within 10 min'}`);
    const results: LoadResult[] = [];
    try {
      const seconds = Number(values['http-seconds']);
      // Heavy queries: the same request again (served by the response cache after the first), and, for the
      // neighbourhood, one centre after another out of more than the cache keeps (every answer computed).
      const queries: [string, string, Record<string, unknown>[]][] = [
        ['trivial { __typename }', '{ __typename }', [{}]],
        ['light: chains', LIGHT, [{}]],
        ['heavy: gapAnalysis all chains', HEAVY, [{}]],
        ['heavy: neighbourhood d2 ≤2000', NEIGHBOURHOOD, [{ id: inputs.hubEnterpriseId }]],
        [`heavy: neighbourhood d2 ≤2000, uncached (${inputs.centreIds.length} centres in turn)`, NEIGHBOURHOOD, inputs.centreIds.map((id) => ({ id }))],
      ];
      const wanted = values['http-queries']!.split(',');
      const healthzUrl = server.url.replace(/\/graphql$/, '/healthz');
      for (const [name, q, variables] of queries.filter(([n]) => wanted.some((w) => n.includes(w) || (w === 'trivial' && n.startsWith('trivial'))))) {
        const c0 = server.cpuMs();
        const s0 = storeCpuMs?.();
        try {
          const r = await loadTest(server.url, name, q, variables, { durationS: seconds, server, ...(name.startsWith('heavy') ? { healthzUrl } : {}) });
          const requests = Math.max(1, r.requestsPerSec * (seconds + 2)); // includes the 2 s warm-up
          r.serverCpuMsPerRequest = round((server.cpuMs() - c0) / requests, 2);
          const s1 = storeCpuMs?.();
          if (s0 !== undefined && s1 !== undefined) r.storeCpuMsPerRequest = round((s1 - s0) / requests, 2);
          results.push(r);
          const probe = r.healthz
            ? `; /healthz meanwhile p50 ${r.healthz.p50Ms} ms, p99 ${r.healthz.p99Ms} ms (${r.healthz.probes} probes, ${r.healthz.failures} failed)`
            : '';
          const at = r.atServer;
          const atServer = at
            ? `; at the server p50 ${at.graphql.p50Ms} / p99 ${at.graphql.p99Ms} ms${at.healthz.requests ? `, /healthz p99 ${at.healthz.p99Ms} ms` : ''}, event-loop delay p99 ${at.loopDelay.p99Ms} / max ${at.loopDelay.maxMs} ms`
            : '';
          console.log(
            `  ${name}: ${r.requestsPerSec} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, max ${r.maxMs}, errors ${r.errors}, non-2xx ${r.non2xx}${probe}${atServer}`,
          );
        } catch (e) {
          const error = (e as Error).message.slice(0, 300);
          results.push({
            name,
            connections: 16,
            durationS: seconds,
            requestsPerSec: 0,
            p50Ms: NaN,
            p99Ms: NaN,
            maxMs: NaN,
            errors: 1,
            non2xx: 0,
            responseBytes: 0,
            error,
          } as LoadResult);
          console.log(`  ${name}: ERROR ${error}`);
        }
      }
      const trivial = results[0]!.requestsPerSec;
      for (const r of results) r.ratioToTrivial = round(r.requestsPerSec / trivial, 3);
      http = { startupMs: server.startupMs, projectionWord, results, peakRssMb: server.peakRssMb() };
    } catch (e) {
      http = { startupMs: server.startupMs, projectionWord, results, peakRssMb: server.peakRssMb(), error: (e as Error).message.slice(0, 500) };
      console.log(`  ERROR ${http.error}`);
    } finally {
      await server.stop();
    }
    const { serverStartMs, serverPeakRssMb } = TARGETS[tier];
    const against = (value: number | undefined, target: number | undefined) =>
      target === undefined ? '' : ` (target ${target}: ${value === undefined ? 'unknown' : value <= target ? 'ok' : 'MISS'})`;
    console.log(
      `  server startup ${http.startupMs} ms${against(http.startupMs, serverStartMs)}, peak RSS ${http.peakRssMb} MB${against(http.peakRssMb, serverPeakRssMb)}`,
    );
  }

  // ---- UI ----
  let ui: unknown;
  if (!values['skip-ui']) {
    console.log('\nUI (headless Chromium, client/graph):');
    try {
      ui = await runUiBench([1000, 5000], ['product', 'nodash']);
      for (const r of ui as { variant: string; elements: number; layoutMs: number; firstRenderMs: number; panFps: number; panP95FrameMs: number }[]) {
        console.log(
          `  ${r.variant} ${r.elements} elements: layout ${r.layoutMs} ms, first render ${r.firstRenderMs} ms, pan ${r.panFps} fps (p95 frame ${r.panP95FrameMs} ms)`,
        );
      }
    } catch (e) {
      ui = { error: (e as Error).message.slice(0, 500) };
      console.log(`  ERROR ${(ui as { error: string }).error}`);
    }
  }

  const neo4jPeakRssMb = storePid === undefined ? undefined : processMemoryMb(storePid);
  if (kind === 'neo4j') console.log(`Neo4j process peak RSS: ${neo4jPeakRssMb ?? 'unknown (set NEO4J_PID to the Java process npm run neo4j started)'} MB`);
  const calibrationEnd = await calibrate();
  await closeCalibration();
  console.log(describeCalibration('end', calibrationEnd));
  const calibration = { start: calibrationStart, end: calibrationEnd, reference: REFERENCE };

  mkdirSync(RESULTS_DIR, { recursive: true });
  // On Neo4j the projections are a deployment choice: their runs are kept apart from the store-only ones, to compare.
  const file = `${RESULTS_DIR}${tier}-${kind}${kind === 'neo4j' && projections === 'on' ? '-projection' : ''}.json`;
  // With --reuse, parts this run skipped (the load, --skip-ops, --skip-http, --skip-ui) keep the figures of the previous run's file.
  const previous = reuse && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const result = {
    tier,
    store: kind,
    projections,
    seed: Number(values.seed),
    started,
    finished: new Date().toISOString(),
    loadAvgAtEnd: loadavg().map((x) => round(x, 1)),
    machine,
    calibration,
    load: reuse && previous.load ? previous.load : load,
    inputs,
    ops: values['skip-ops'] && previous.ops ? previous.ops : ops,
    floor: values['skip-ops'] && previous.floor ? previous.floor : floor,
    ...(floorError ? { floorError } : {}),
    projection: values['skip-ops'] && previous.projection ? previous.projection : projection,
    nameIndex: values['skip-ops'] && previous.nameIndex ? previous.nameIndex : nameIndex,
    weightFit: values['skip-ops'] && previous.weightFit ? previous.weightFit : weightFit,
    http: values['skip-http'] && previous.http ? previous.http : http,
    ui: values['skip-ui'] && previous.ui ? previous.ui : ui,
    neo4jPeakRssMb: neo4jPeakRssMb ?? null,
    benchPeakRssMb: processMemoryMb('self') ?? null,
    ...(reuse ? { mergedWith: previous.started ?? null } : {}),
  } as unknown as Parameters<typeof summary>[0] & Record<string, unknown>;
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log('\n' + summary(result));
  console.log(`\nwrote ${file}`);
  if (kind === 'embedded') console.log(`the loaded store stays in ${dataDir} for bench/profile.ts (deleted by the next run of this tier)`);
}

const CHAIN = 'chain:nev-parts';

/** A 补链 gap of the bench's chain (else of any chain, else its first gap): the main use case, named in the results. */
async function fillGap(store: Awaited<ReturnType<typeof createStore>>): Promise<string> {
  const { gaps } = await gapAnalysis(store, { chainId: CHAIN });
  const fill = gaps.find((g) => g.kind === 'fill') ?? (await gapAnalysis(store, {})).gaps.find((g) => g.kind === 'fill');
  const gap = fill ?? gaps[0];
  if (!gap) throw new Error('the analysis finds no gap to time supplier candidates for');
  return gap.id;
}

/** Neighbourhood centres the uncached HTTP test cycles through: twice the response cache's 256 answers, so none is served from it. */
const UNCACHED_CENTRES = 512;

async function chooseInputs(store: Awaited<ReturnType<typeof createStore>>, graph: SyntheticGraph | undefined): Promise<OpInputs> {
  const generic = ['科技', '巢湖', '合金'];
  if (graph) {
    let hub = 0;
    for (let i = 0; i < graph.enterprises; i++) if (graph.output[i]! > graph.output[hub]!) hub = i;
    const mid = Math.floor(graph.enterprises / 2);
    const pairs: [string, string][] = Array.from({ length: 10 }, (_, k) => [
      enterpriseId((k * 7919) % graph.enterprises),
      enterpriseId((k * 104_729 + 17) % graph.enterprises),
    ]);
    return {
      chainId: CHAIN,
      searchTexts: [...generic, graph.enterprise(mid).enterprise.name, graph.enterprise(mid + 1).enterprise.shortName],
      hubEnterpriseId: enterpriseId(hub),
      centreIds: [
        enterpriseId(hub),
        ...Array.from({ length: UNCACHED_CENTRES - 1 }, (_, k) => enterpriseId(Math.floor(((k + 0.5) * graph.enterprises) / UNCACHED_CENTRES))),
      ],
      segmentId: 'seg:auto-parts',
      pathPairs: pairs,
      gapId: await fillGap(store),
    };
  }
  const hits = await search(store, '有限公司', { labels: ['Enterprise'], limit: 50 });
  if (hits.length < 2) throw new Error('the seed graph has too few enterprises to bench');
  const ids = hits.map((h) => h.id);
  return {
    chainId: CHAIN,
    gapId: await fillGap(store),
    searchTexts: [...generic, hits[0]!.name],
    hubEnterpriseId: ids[0]!,
    centreIds: ids,
    segmentId: 'seg:auto-parts',
    pathPairs: Array.from({ length: 10 }, (_, k) => [ids[k % ids.length]!, ids[(k * 7 + 3) % ids.length]!] as [string, string]),
  };
}

function summary(r: {
  tier: string;
  store: string;
  projections: string;
  calibration: { start: Calibration; end: Calibration };
  inputs: OpInputs;
  floor?: FloorResult;
  load: { rowsPerSecond: number | null; rowsPerCpuSecond: number | null };
  ops: OpResult[];
  http?: { results: LoadResult[]; peakRssMb: number | undefined };
}): string {
  // the store's own process (Neo4j) when it was timed: there the store's work is not in the bench's CPU
  const storeCpu = r.ops.some((o) => o.storeCpuMedianMs !== undefined);
  const rows: (string | number)[][] = r.ops.map((o) => [
    o.name,
    o.error ? 'ERROR' : o.medianMs,
    o.cpuMedianMs,
    ...(storeCpu ? [o.storeCpuMedianMs ?? ''] : []),
    o.p95Ms,
    o.maxMs,
    o.rows,
    o.targetMs ?? '',
    o.targetMs === undefined || o.error ? '' : o.medianMs <= o.targetMs ? 'ok' : 'MISS',
  ]);
  let text =
    `${describeCalibration('start', r.calibration.start)}\n${describeCalibration('end', r.calibration.end)}\n` +
    `tier ${r.tier} / ${r.store}, projections ${r.projections}: load ${r.load.rowsPerSecond ?? '-'} rows/s (${r.load.rowsPerCpuSecond ?? '-'} rows per CPU-second)\n` +
    table(['operation', 'median ms', 'CPU ms', ...(storeCpu ? ['store CPU ms'] : []), 'p95 ms', 'max ms', 'rows', 'target ms', ''], rows);
  text += `\nchain ${r.inputs.chainId}; supplier candidates for ${r.inputs.gapId}`;
  if (r.floor) {
    text +=
      `\n\nthe floor: ${r.floor.rows} rows read once in ${r.floor.readMs} ms (outside the timing)\n` +
      table(
        ['operation', 'floor median ms', 'product median ms', 'product ÷ floor', 'floor CPU ms', 'product CPU ms', 'CPU ÷', 'same answers'],
        r.floor.ops.map((o, i) => [
          o.name,
          o.medianMs,
          o.productMs ?? '-',
          o.multiple ?? '-',
          o.cpuMedianMs,
          o.productCpuMs ?? '-',
          o.cpuMultiple ?? '-',
          [r.floor!.parity.gapOne, r.floor!.parity.gapAll, r.floor!.parity.suppliers][i]!,
        ]),
      );
  }
  if (r.http) {
    const storeCpuHttp = r.http.results.some((h) => h.storeCpuMsPerRequest !== undefined);
    text +=
      '\n\n' +
      table(
        [
          'GraphQL (c=16)',
          'req/s',
          'p50 ms',
          'p99 ms',
          'max ms',
          'ratio to trivial',
          'server CPU ms/req',
          ...(storeCpuHttp ? ['store CPU ms/req'] : []),
          'errors',
          '/healthz meanwhile p50 / p99 ms',
          'at the server: p50 / p99 ms; /healthz p99; loop delay p99',
        ],
        r.http.results.map((h) => [
          h.name,
          h.requestsPerSec,
          h.p50Ms,
          h.p99Ms,
          h.maxMs,
          h.ratioToTrivial ?? '',
          h.serverCpuMsPerRequest ?? '',
          ...(storeCpuHttp ? [h.storeCpuMsPerRequest ?? ''] : []),
          h.errors + h.non2xx,
          h.healthz ? `${h.healthz.p50Ms} / ${h.healthz.p99Ms}${h.healthz.failures ? ` (${h.healthz.failures} failed)` : ''}` : '',
          h.atServer
            ? `${h.atServer.graphql.p50Ms} / ${h.atServer.graphql.p99Ms}; ${h.atServer.healthz.requests ? h.atServer.healthz.p99Ms : '–'}; ${h.atServer.loopDelay.p99Ms}`
            : '',
        ]),
      ) +
      `\nserver peak RSS ${r.http.peakRssMb} MB`;
  }
  return text;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
