import { analysisCache } from '../analysis-cache.ts';
import { forEachInSlices, sortInSlices } from '../projection/time-slices.ts';
import { currentCandidateFacts, type CandidateFactsSource } from './candidate-facts-source.ts';
import { areaScopeIds } from '../areas/area-scope.ts';
import type { Store } from '../../store/store.ts';
import { compareRanked, FAR_PEER, FEEDS_REACH, poolStats, rawScore, componentValues, type PoolStats, type ScoreFacts } from './score.ts';
import type { SegmentLocals } from './types.ts';
import type { CandidateWeights } from './weights.ts';

export interface RankedCandidate {
  facts: ScoreFacts;
  /** Unrounded score: what the order is by. */
  raw: number;
}

/** Every candidate of a target ranked, with what the page's evidence and wording need. */
export interface Ranking {
  areaIds: string[] | null;
  /** Local enterprises of the scope per segment. */
  locals: Map<string, SegmentLocals>;
  /**
   * The segments of the local demand: those the scope has local enterprises in that buy what the targets make
   * (observed reach or FEEDS; the targets and the segments they FEED when the scope has no local enterprise).
   */
  demandSegments: Record<string, true>;
  /** The targets and the segments they FEED (the chain's view of demand; the path shows FEEDS into these only). */
  fedSegments: Set<string>;
  /** Names of the demand segments and of the targets and the segments they FEED. */
  segmentNames: Map<string, string>;
  /** English segment names where the seeds give one. */
  segmentNamesEn: Map<string, string | null>;
  pool: PoolStats;
  ranked: RankedCandidate[];
}

/**
 * Scores every candidate of the target segments for the area scope from
 * counts (a few rows per candidate, no evidence lists), best first. Cached per
 * write generation (analysisCache): `rankSupplierCandidates` pages it and the
 * ranking evaluation (bench/eval) reads it whole.
 */
export function rankCandidates(
  store: Store,
  segmentIds: string[],
  areaId: string | null,
  weights: CandidateWeights,
  /** Read the facts from this source, uncached (tests and the benchmark compare the store's queries with the projection). */
  source?: CandidateFactsSource,
): Promise<Ranking> {
  if (source) return computeRanking(store, segmentIds, areaId, weights, source);
  return analysisCache(store, JSON.stringify(['suppliers', segmentIds, areaId, weights]), () =>
    computeRanking(store, segmentIds, areaId, weights, currentCandidateFacts(store)),
  );
}

/** Per source (its `localsKey`: the projection's graph, shared by the weight fit's folds), the local enterprises per segment per area scope. */
const segmentLocalsCache = new WeakMap<object, Map<string, Promise<Map<string, SegmentLocals>>>>();

/**
 * The local enterprises of the scope per segment. Kept per source (or `localsKey`) and scope (a few MB at tier L):
 * every ranking of one data version in one area asks the same, and they do not depend on the SUPPLIES a fold hides.
 */
function segmentLocalsOf(source: CandidateFactsSource, areaIds: string[] | null): Promise<Map<string, SegmentLocals>> {
  const holder = source.localsKey ?? source;
  const byScope = segmentLocalsCache.get(holder) ?? new Map<string, Promise<Map<string, SegmentLocals>>>();
  segmentLocalsCache.set(holder, byScope);
  const key = JSON.stringify(areaIds);
  let locals = byScope.get(key);
  if (!locals) {
    if (byScope.size >= 32) byScope.clear();
    locals = source.segmentLocals(areaIds).then(async (rows) => {
      const bySegment = new Map<string, SegmentLocals>();
      for (const r of rows) {
        bySegment.set(r.segmentId, { localIds: [...new Set(r.localIds)], leader: Number(r.leaders) > 0 });
        await source.slices?.check();
      }
      return bySegment;
    });
    // a failed read is not kept
    locals.catch(() => byScope.delete(key));
    byScope.set(key, locals);
  }
  return locals;
}

async function computeRanking(
  store: Store,
  segmentIds: string[],
  areaId: string | null,
  weights: CandidateWeights,
  source: CandidateFactsSource,
): Promise<Ranking> {
  const { slices } = source;
  // The area scope as ids (the area and every area PART_OF it), or null for every area.
  const areaIds = areaId ? await areaScopeIds(store, areaId) : null;
  const locals = await segmentLocalsOf(source, areaIds);
  await slices?.check();
  // The chain's view of demand: the targets and the segments they FEED.
  const feedsDemand = await source.demandSegments(segmentIds);
  const feedsDemandIds = new Set(feedsDemand.map((d) => d.segmentId));
  // The local demand is every segment the scope has local enterprises in (the FEEDS segments when it has none),
  // each weighted by its share of those local enterprises × its reach: how widely enterprises of that segment
  // buy from the targets' producers, as observed on SUPPLIES, plus FEEDS_REACH where the chain says it takes them.
  const totalLocals = [...locals.values()].reduce((n, l) => n + l.localIds.length, 0);
  const share = new Map<string, number>();
  if (totalLocals > 0) for (const [segmentId, l] of locals) share.set(segmentId, l.localIds.length / totalLocals);
  else for (const id of feedsDemandIds) share.set(id, 1 / feedsDemandIds.size);
  const reachRows = await source.segmentReach(segmentIds, Object.fromEntries([...share.keys()].map((id) => [id, true as const])));
  const reach = new Map(reachRows.map((r) => [r.segmentId, Number(r.members) > 0 ? Number(r.buyers) / Number(r.members) : 0]));
  const segmentNames = new Map([...reachRows, ...feedsDemand].map((d) => [d.segmentId, d.name]));
  const segmentNamesEn = new Map([...reachRows, ...feedsDemand].map((d) => [d.segmentId, d.nameEn ?? null]));
  const demandSegments: Record<string, true> = {};
  const weight = new Map<string, number>();
  // In id order: the float sums below then do not depend on the order the source lists rows in.
  for (const id of [...share.keys()].sort()) {
    const w = share.get(id)! * ((reach.get(id) ?? 0) + (feedsDemandIds.has(id) ? FEEDS_REACH : 0));
    if (w <= 0) continue;
    demandSegments[id] = true;
    weight.set(id, w);
  }

  await slices?.check();
  const rows = await source.candidates(segmentIds);
  await slices?.check();
  const localRows = await source.localBuyers(segmentIds, areaIds);
  const localBuyers = new Map<string, number>();
  await forEachInSlices(slices, localRows.length, (i) => localBuyers.set(localRows[i]!.id, Number(localRows[i]!.localBuyers)));
  const peers = new Map<string, { buyers: number; affinity: number }>();
  // Summed in one order (candidate, segment, near): the engines and the projection list the rows in different orders,
  // and a float sum's last bit depends on the order.
  const peerRows = await sortInSlices(
    await source.peerBuyers(segmentIds, demandSegments, areaIds),
    (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.segmentId < b.segmentId ? -1 : a.segmentId > b.segmentId ? 1 : Number(a.near) - Number(b.near)),
    slices,
  );
  await forEachInSlices(slices, peerRows.length, (i) => {
    const r = peerRows[i]!;
    const p = peers.get(r.id) ?? { buyers: 0, affinity: 0 };
    p.buyers += Number(r.peerBuyers);
    p.affinity += Number(r.peerBuyers) * (weight.get(r.segmentId) ?? 0) * (r.near ? 1 : FAR_PEER);
    peers.set(r.id, p);
  });
  // Fields named, not spread: V8 copies a spread row ~10× slower, and this runs per candidate (thousands).
  const facts = new Array<ScoreFacts>(rows.length);
  await forEachInSlices(slices, rows.length, (i) => {
    const r = rows[i]!;
    const peer = peers.get(r.id);
    facts[i] = {
      id: r.id,
      name: r.name,
      region: r.region,
      output: r.output,
      aboveScale: r.aboveScale,
      tags: r.tags,
      leaderRole: r.leaderRole,
      direct: r.direct,
      customers: Number(r.customers),
      localBuyers: localBuyers.get(r.id) ?? 0,
      peerBuyers: peer?.buyers ?? 0,
      peerAffinity: peer?.affinity ?? 0,
    };
  });
  const pool = poolStats(facts);
  await slices?.check();
  const scored = new Array<RankedCandidate>(facts.length);
  await forEachInSlices(slices, facts.length, (i) => (scored[i] = { facts: facts[i]!, raw: rawScore(componentValues(facts[i]!, pool), weights) }));
  const ranked = await sortInSlices(scored, compareRanked, slices);
  return { areaIds, locals, demandSegments, fedSegments: feedsDemandIds, segmentNames, segmentNamesEn, pool, ranked };
}
