import { analysisCache } from '../analysis-cache.ts';
import { analyticsSource } from '../projection/projection-registry.ts';
import { cypherCandidateFacts, type CandidateFactsSource } from './candidate-facts-source.ts';
import { areaScopeIds } from '../areas/area-scope.ts';
import type { Store } from '../../store/store.ts';
import { compareRanked, FAR_PEER, poolStats, rawScore, componentValues, type PoolStats, type ScoreFacts } from './score.ts';
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
  /** The segments of the local demand: the targets and the segments they FEED, where the scope has local enterprises (all of them when none has). */
  demandSegments: Record<string, true>;
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
    computeRanking(store, segmentIds, areaId, weights, analyticsSource(store)?.candidateFacts ?? cypherCandidateFacts(store)),
  );
}

async function computeRanking(
  store: Store,
  segmentIds: string[],
  areaId: string | null,
  weights: CandidateWeights,
  source: CandidateFactsSource,
): Promise<Ranking> {
  // The area scope as ids (the area and every area PART_OF it), or null for every area.
  const areaIds = areaId ? await areaScopeIds(store, areaId) : null;
  const locals = new Map<string, SegmentLocals>();
  for (const r of await source.segmentLocals(areaIds)) {
    locals.set(r.segmentId, { localIds: [...new Set(r.localIds)], leader: Number(r.leaders) > 0 });
  }
  const demand = await source.demandSegments(segmentIds);
  const segmentNames = new Map(demand.map((d) => [d.segmentId, d.name]));
  const segmentNamesEn = new Map(demand.map((d) => [d.segmentId, d.nameEn ?? null]));
  const withLocals = demand.filter((d) => locals.get(d.segmentId)?.localIds.length);
  const demandSegments: Record<string, true> = {};
  // A demand segment's share of the local enterprises in demand segments: how like our buyers its buyers are.
  const share = new Map<string, number>();
  const totalLocals = withLocals.reduce((n, d) => n + locals.get(d.segmentId)!.localIds.length, 0);
  for (const d of withLocals.length ? withLocals : demand) {
    demandSegments[d.segmentId] = true;
    share.set(d.segmentId, withLocals.length ? locals.get(d.segmentId)!.localIds.length / totalLocals : 1 / demand.length);
  }

  const rows = await source.candidates(segmentIds);
  const localBuyers = new Map((await source.localBuyers(segmentIds, areaIds)).map((r) => [r.id, Number(r.localBuyers)]));
  const peers = new Map<string, { buyers: number; affinity: number }>();
  // Summed in one order (candidate, segment, near): the engines and the projection list the rows in different orders,
  // and a float sum's last bit depends on the order.
  const peerRows = (await source.peerBuyers(segmentIds, demandSegments, areaIds)).sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : a.segmentId < b.segmentId ? -1 : a.segmentId > b.segmentId ? 1 : Number(a.near) - Number(b.near),
  );
  for (const r of peerRows) {
    const p = peers.get(r.id) ?? { buyers: 0, affinity: 0 };
    p.buyers += Number(r.peerBuyers);
    p.affinity += Number(r.peerBuyers) * (share.get(r.segmentId) ?? 0) * (r.near ? 1 : FAR_PEER);
    peers.set(r.id, p);
  }
  // Fields named, not spread: V8 copies a spread row ~10× slower, and this runs per candidate (thousands).
  const facts: ScoreFacts[] = rows.map((r) => {
    const peer = peers.get(r.id);
    return {
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
  const ranked = facts.map((f) => ({ facts: f, raw: rawScore(componentValues(f, pool), weights) })).sort(compareRanked);
  return { areaIds, locals, demandSegments, segmentNames, segmentNamesEn, pool, ranked };
}
