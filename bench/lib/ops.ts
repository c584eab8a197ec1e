import { DEFAULT_THRESHOLDS } from '../../server/services/gaps/classify-gaps.ts';
import { gapAnalysis } from '../../server/services/gaps/gap-analysis.ts';
import { neighbourhood } from '../../server/services/explore/neighbourhood.ts';
import { search, SEARCH_DEFAULT_LIMIT, SEARCH_LABELS } from '../../server/services/explore/search.ts';
import { cypherNameMatches, indexNameMatches } from '../../server/services/explore/name-matches.ts';
import { nameIndexSource } from '../../server/services/projection/name-index-source.ts';
import { normaliseName } from '../../server/model/normalise-name.ts';
import { shortestPath } from '../../server/services/explore/shortest-path.ts';
import { DEFAULT_WEIGHTS, rankSupplierCandidates, type SupplierCandidate } from '../../server/services/suppliers/rank-supplier-candidates.ts';
import type { Store } from '../../server/store/store.ts';
import { floorCandidates, floorGapAnalysis, readFloorData } from './floor.ts';
import { cypherGapFacts } from '../../server/services/gaps/gap-facts-source.ts';
import { analyticsSource } from '../../server/services/projection/projection-registry.ts';
import { projectionEnabled } from '../../server/services/projection/projection-lifecycle.ts';
import { cypherCandidateFacts } from '../../server/services/suppliers/candidate-facts-source.ts';
import { rankCandidates } from '../../server/services/suppliers/rank-candidates.ts';
import { parseGapId } from '../../server/model/gap-kinds.ts';
import { measure, round, type OpResult } from './measure.ts';
import { fittedWeightsReady } from '../../server/services/suppliers/fitted-weights.ts';

/** What the operations run on: chosen once from the loaded data, the same for every run. */
export interface OpInputs {
  chainId: string;
  searchTexts: string[];
  /** Centres for the neighbourhood (depth 2, limit 2000). */
  hubEnterpriseId: string;
  /** Centres the uncached GraphQL neighbourhood load cycles through (the hub first). */
  centreIds: string[];
  segmentId: string;
  pathPairs: [string, string][];
  /** The gap whose supplier candidates are timed: a 补链 gap of chainId when the analysis finds one (the main use case). */
  gapId: string;
}

export interface Targets {
  gapOne: number;
  gapAll?: number;
  suppliers: number;
  search: number;
  neighbourhood: number;
  shortestPath: number;
  /** The real server on the loaded store: until it listens (search names kept on write, not rebuilt). */
  serverStartMs?: number;
  /** Peak resident set of the server process during the HTTP tests. */
  serverPeakRssMb?: number;
}
/** Targets (ms, median, uncached) on the embedded store, from issue 17 (issue 7 had 100 / 500 / 100 / 20 / 50 at M); S is held to M's. */
export const TARGETS: Record<'S' | 'M' | 'L', Targets> = {
  S: { gapOne: 50, gapAll: 200, suppliers: 50, search: 10, neighbourhood: 30, shortestPath: 50 },
  M: { gapOne: 50, gapAll: 200, suppliers: 50, search: 10, neighbourhood: 30, shortestPath: 50 },
  // issue 17's L targets; all chains and the path (not named there) at 10× of M, as one chain and candidates
  L: { gapOne: 500, gapAll: 2000, suppliers: 500, search: 50, neighbourhood: 100, shortestPath: 500, serverStartMs: 10_000, serverPeakRssMb: 4096 },
};

/** Every in-process operation, called through the services (not Cypher), as the GraphQL resolvers do. */
export async function runOperations(
  store: Store,
  inputs: OpInputs,
  targets: Targets,
  log: (r: OpResult) => void,
  skip: Set<string> = new Set(),
  storeCpuMs?: () => number | undefined,
): Promise<OpResult[]> {
  const TARGETS = targets;
  // every operation also times the store's own process when it has one (Neo4j): there the store's work is not in this process's CPU
  const timed: typeof measure = (name, fn, o = {}) => measure(name, fn, { ...o, storeCpuMs });
  const results: OpResult[] = [];
  const push = (r: OpResult) => {
    results.push(r);
    log(r);
  };
  // --skip NAME: for an operation whose query does not finish in bounded time (Grafeo cannot cancel it); recorded, not run.
  const skipped = (name: string, key: string) =>
    skip.has(key) && (push({ name, runs: 0, medianMs: NaN, p95Ms: NaN, maxMs: NaN, cpuMedianMs: NaN, rows: 0, error: `skipped (--skip ${key})` }), true);
  const keys: Record<string, string> = {
    'gapAnalysis one chain': 'gapOne',
    'gapAnalysis all chains': 'gapAll',
    'gapAnalysis all chains (cached)': 'gapAll',
    'supplierCandidates for a gap': 'suppliers',
    'supplierCandidates for a gap (cached)': 'suppliers',
    'gapAnalysis one chain, store queries': 'gapOneStore',
    'supplier ranking only, projection': 'suppliers',
    'supplier ranking only, store queries': 'rankingStore',
    search: 'search',
    'search matches only, name index': 'search',
    'search, store queries': 'searchStore',
    'neighbourhood d2 ≤2000 (enterprise)': 'neighbourhood',
    'neighbourhood d2 ≤2000 (segment)': 'neighbourhood',
    'neighbourhood d2 ≤2000 (enterprise, no properties)': 'neighbourhood',
    'neighbourhood d2 ≤2000 (segment, no properties)': 'neighbourhood',
    'neighbourhood d2 ≤2000 (enterprise, node properties: the UI)': 'neighbourhood',
    'neighbourhood d2 ≤2000 (segment, node properties: the UI)': 'neighbourhood',
    shortestPath: 'shortestPath',
  };
  const add = (r: OpResult) => push(r);
  const run = async (name: string, work: () => Promise<OpResult>) => {
    if (!skipped(name, keys[name] ?? name)) add(await work());
  };
  // Cold: a threshold differing by 1e-9 万元 per run is a new cache key, so every run computes; the cached
  // rows show what a repeated request costs until the next write.
  const cold = (i: number) => ({ ...DEFAULT_THRESHOLDS, minOutput: DEFAULT_THRESHOLDS.minOutput + (i + 1) * 1e-9 });
  await run('gapAnalysis one chain', () =>
    timed('gapAnalysis one chain', async (i) => (await gapAnalysis(store, { chainId: inputs.chainId, thresholds: cold(i) })).gaps.length, {
      targetMs: TARGETS.gapOne,
      note: `${inputs.chainId}, uncached`,
    }),
  );
  // The same analysis with its facts read by the store's queries instead of the projection (what it cost before issue 17's projection).
  await run('gapAnalysis one chain, store queries', () =>
    timed(
      'gapAnalysis one chain, store queries',
      async (i) => (await gapAnalysis(store, { chainId: inputs.chainId, thresholds: cold(i) }, cypherGapFacts(store))).gaps.length,
      {
        note: `${inputs.chainId}, facts from cypher/read/gaps (no projection)`,
      },
    ),
  );
  await run('gapAnalysis all chains', () =>
    timed('gapAnalysis all chains', async (i) => (await gapAnalysis(store, { thresholds: cold(i) })).gaps.length, {
      targetMs: TARGETS.gapAll,
      minRuns: 3,
      note: 'uncached',
    }),
  );
  await run('gapAnalysis all chains (cached)', () =>
    timed('gapAnalysis all chains (cached)', async () => (await gapAnalysis(store, {})).gaps.length, {
      targetMs: TARGETS.gapAll,
      note: 'repeated request, no write in between',
    }),
  );
  const gapId = inputs.gapId;
  // Uncached as above: a weight differing by 1e-9 per run is a new cache key.
  const coldWeights = (i: number) => ({ ...DEFAULT_WEIGHTS, segmentFit: DEFAULT_WEIGHTS.segmentFit + (i + 1) * 1e-9 });
  await run('supplierCandidates for a gap', () =>
    timed('supplierCandidates for a gap', async (i) => (await rankSupplierCandidates(store, { gapId, first: 50, weights: coldWeights(i) })).totalCount, {
      targetMs: TARGETS.suppliers,
      note: `${gapId} (${inputs.chainId}), uncached`,
    }),
  );
  const target = parseGapId(gapId);
  if (target) {
    // with the projections off (Neo4j without ANALYTICS_PROJECTION=on) this would be the store-query row again
    if (projectionEnabled(store))
      await run('supplier ranking only, projection', () =>
        timed(
          'supplier ranking only, projection',
          async (i) => (await rankCandidates(store, [target.segmentId], target.areaId, coldWeights(i), analyticsSource(store)?.candidateFacts)).ranked.length,
          {
            note: `${gapId}: every candidate scored, no page`,
          },
        ),
      );
    await run('supplier ranking only, store queries', () =>
      timed(
        'supplier ranking only, store queries',
        async (i) => (await rankCandidates(store, [target.segmentId], target.areaId, coldWeights(i), cypherCandidateFacts(store))).ranked.length,
        {
          note: `${gapId}: facts from cypher/read/suppliers (no projection)`,
        },
      ),
    );
  }
  await run('supplierCandidates for a gap (cached)', () =>
    timed('supplierCandidates for a gap (cached)', async () => (await rankSupplierCandidates(store, { gapId, first: 50 })).totalCount, {
      targetMs: TARGETS.suppliers,
      note: `${gapId}, repeated request: only the page's evidence is read`,
    }),
  );
  const texts = inputs.searchTexts;
  await run('search', () =>
    timed('search', async (i) => (await search(store, texts[i % texts.length]!)).length, { targetMs: TARGETS.search, note: texts.join(' / ') }),
  );
  // The matches alone (what the name index answers; the rest of search is the context of ≤ 20 hits, read from the store),
  // and the whole search with its matches from the store's queries (what it cost before the name index).
  const names = nameIndexSource(store);
  if (names) {
    const matches = indexNameMatches(names.index);
    await run('search matches only, name index', () =>
      timed(
        'search matches only, name index',
        async (i) => {
          const raw = texts[i % texts.length]!;
          return (await matches(normaliseName(raw) || raw, raw, [...SEARCH_LABELS], SEARCH_DEFAULT_LIMIT)).length;
        },
        { note: 'no context lookup' },
      ),
    );
  }
  await run('search, store queries', () =>
    timed('search, store queries', async (i) => (await search(store, texts[i % texts.length]!, {}, cypherNameMatches(store))).length, {
      note: 'matches from read/explore/search + search-exact (no name index)',
    }),
  );
  // Three shapes: every property of nodes and edges; the nodes' properties only (what the UI asks for: it
  // styles and shows nodes by theirs, edges by their type); ids, labels and names (what the GraphQL load test asks for).
  const shapes = [
    ['', { nodes: true, edges: true }],
    [', node properties: the UI', { nodes: true, edges: false }],
    [', no properties', { nodes: false, edges: false }],
  ] as const;
  for (const [kind, centre] of [
    ['enterprise', inputs.hubEnterpriseId],
    ['segment', inputs.segmentId],
  ] as const) {
    for (const [shape, properties] of shapes) {
      const name = `neighbourhood d2 ≤2000 (${kind}${shape})`;
      await run(name, () =>
        timed(
          name,
          async () => {
            const r = await neighbourhood(store, centre, { depth: 2, limit: 2000, properties });
            return r.nodes.length + r.edges.length;
          },
          { targetMs: TARGETS.neighbourhood, note: centre },
        ),
      );
    }
  }
  const pairs = inputs.pathPairs;
  await run('shortestPath', () =>
    timed('shortestPath', async (i) => (await shortestPath(store, ...pairs[i % pairs.length]!)).nodes.length, {
      targetMs: TARGETS.shortestPath,
      note: `${pairs.length} enterprise pairs`,
      warmup: 1,
    }),
  );
  return results;
}

export interface FloorResult {
  /** Reading the arrays once out of the store (not part of any timing below). */
  readMs: number;
  rows: number;
  ops: (OpResult & { productMs: number | null; multiple: number | null; productCpuMs: number | null; cpuMultiple: number | null })[];
  /** Whether the floor's answers equal the product's (ids, kinds, severities, reasons; candidates' order, scores, reasons, paths as sets). */
  parity: { gapOne: string; gapAll: string; suppliers: string };
}

/**
 * The floor (bench/lib/floor.ts) for the same chain and gap as the product's
 * operations, its medians, the product's medians as a multiple of them, and a
 * check that both give the same answers.
 */
export async function runFloor(store: Store, inputs: OpInputs, product: OpResult[], log: (r: OpResult) => void): Promise<FloorResult> {
  const data = await readFloorData(store);
  // the weights the product ranks with (fitted on the store's links once its fit is done)
  const { weights } = await fittedWeightsReady(store);
  const pairs: [string, string, () => number][] = [
    ['gapAnalysis one chain', 'gapAnalysis one chain', () => floorGapAnalysis(data, inputs.chainId).length],
    ['gapAnalysis all chains', 'gapAnalysis all chains', () => floorGapAnalysis(data, null).length],
  ];
  // The candidate floor takes the scope "every area" (a gap id ending in :all, as the bench's are).
  const target = parseGapId(inputs.gapId);
  if (target && target.areaId === null) {
    pairs.push(['supplierCandidates for a gap', 'supplierCandidates for a gap', () => floorCandidates(data, target.segmentId, 50, weights).totalCount]);
  }
  const ops: FloorResult['ops'] = [];
  for (const [name, productName, fn] of pairs) {
    const r = await measure(`floor: ${name}`, async () => fn(), { note: 'plain JS over arrays read once' });
    const p = product.find((o) => o.name === productName && !o.error);
    const multiple = p && r.medianMs > 0 ? round(p.medianMs / r.medianMs, 1) : null;
    // CPU medians too: on a loaded machine wall times of both stretch, but not alike
    const cpuMultiple = p && r.cpuMedianMs > 0 ? round(p.cpuMedianMs / r.cpuMedianMs, 1) : null;
    ops.push({ ...r, productMs: p?.medianMs ?? null, multiple, productCpuMs: p?.cpuMedianMs ?? null, cpuMultiple });
    log(r);
  }
  const sameGaps = async (chainId: string | null) => {
    const mine = floorGapAnalysis(data, chainId).map((g) => [g.id, g.kind, g.severity, g.reasonZh, g.evidence.edgeIds.join()].join('|'));
    const theirs = (await gapAnalysis(store, { chainId })).gaps.map((g) => [g.id, g.kind, g.severity, g.reasonZh, g.evidence.edgeIds.join()].join('|'));
    return JSON.stringify(mine) === JSON.stringify(theirs)
      ? `identical (${mine.length} gaps)`
      : `DIFFERENT: floor ${mine.length} gaps, product ${theirs.length}; first difference ${mine.find((m, i) => m !== theirs[i]) ?? theirs[mine.length]}`;
  };
  // Candidate by candidate: rank, id, score and components, reasons, path (not `sample`: the import's read does not give it).
  const sameCandidates = async () => {
    if (!target || target.areaId !== null) return `not computed (${inputs.gapId} is not scoped to every area)`;
    const key = (c: SupplierCandidate) =>
      JSON.stringify([c.rank, c.enterpriseId, c.score, c.components, c.reasonZh, c.reasonEn, c.reasonLineZh, c.path, c.segmentIds, c.inSegment]);
    const mine = floorCandidates(data, target.segmentId, 50, weights);
    const theirs = await rankSupplierCandidates(store, { gapId: inputs.gapId, first: 50 });
    if (mine.totalCount !== theirs.totalCount) return `DIFFERENT: floor ${mine.totalCount} candidates, product ${theirs.totalCount}`;
    const i = mine.page.findIndex((c, k) => !theirs.candidates[k] || key(c) !== key(theirs.candidates[k]!));
    return i < 0 && mine.page.length === theirs.candidates.length
      ? `identical (${mine.totalCount} candidates; the page of ${mine.page.length} compared one by one)`
      : `DIFFERENT at rank ${i + 1}: floor ${key(mine.page[i]!).slice(0, 200)}; product ${theirs.candidates[i] ? key(theirs.candidates[i]!).slice(0, 200) : 'none'}`;
  };
  return {
    readMs: round(data.readMs, 0),
    rows: data.rows,
    ops,
    parity: { gapOne: await sameGaps(inputs.chainId), gapAll: await sameGaps(null), suppliers: await sameCandidates() },
  };
}
