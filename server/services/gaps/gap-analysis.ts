import type { Overrides } from '../../model/overrides.ts';
import { GAP_KINDS, type GapKind } from '../../model/gap-kinds.ts';
import type { GapStatus } from '../../model/vocabulary.ts';
import type { Store } from '../../store/store.ts';
import { ValidationError } from '../../errors.ts';
import { chainDuties, uniqueDuties, type UnitDuty } from '../responsibility/duties.ts';
import {
  bySupplyShare,
  classifyGaps,
  DEFAULT_THRESHOLDS,
  EVIDENCE_IDS,
  EVIDENCE_SUPPLIES,
  factsFromAggregates,
  type DetectedGap,
  type GapThresholds,
  type SegmentAggregates,
  type SegmentFacts,
  type SupplyLink,
} from './classify-gaps.ts';
import { analysisCache } from '../analysis-cache.ts';
import { analyticsSource } from '../projection/projection-registry.ts';
import { cypherGapFacts, type GapFactsSource } from './gap-facts-source.ts';
import { listSavedGaps, type SavedGap } from './saved-gaps.ts';
import { areaScopeIds } from '../areas/area-scope.ts';
import { listChains } from '../chains/list-chains.ts';
import { findEmptyChains, type EmptyChain } from './empty-chains.ts';

/** A detected gap with the units responsible for it and what planners saved about it. */
export interface AnalysedGap extends DetectedGap {
  /** Units of the tasks that develop the gap's chain(s), for the scope's area(s). */
  responsible: UnitDuty[];
  /** Saved Gap nodes of the same kind, segment and area (scope all: any area); the exact id first. */
  savedGaps: SavedGap[];
  saved: boolean;
  /** Status of the first saved gap; null when not saved. */
  status: GapStatus | null;
}

export interface GapAnalysis {
  chainId: string | null;
  areaId: string | null;
  thresholds: GapThresholds;
  segments: SegmentFacts[];
  gaps: AnalysedGap[];
  /** Saved gaps in the scope (e.g. named by the plan) that the analysis did not detect. */
  undetectedSavedGaps: SavedGap[];
  counts: Record<GapKind, number>;
  /** 链条空白: chains in scope without any local enterprise (they have no gaps, yet everything is to do). */
  emptyChains: EmptyChain[];
}

export function resolveThresholds(input: Overrides<GapThresholds> | null | undefined): GapThresholds {
  const t = { ...DEFAULT_THRESHOLDS };
  for (const [k, v] of Object.entries(input ?? {})) if (v != null) (t as Record<string, number>)[k] = v;
  if (!(t.minOutput >= 0)) throw new ValidationError('thresholds.minOutput must be ≥ 0 (万元)', 'thresholds.minOutput');
  if (!(t.outsideShare >= 0 && t.outsideShare <= 1)) {
    throw new ValidationError('thresholds.outsideShare must be between 0 and 1', 'thresholds.outsideShare');
  }
  if (!(t.minEnterprises >= 1)) throw new ValidationError('thresholds.minEnterprises must be ≥ 1', 'thresholds.minEnterprises');
  return t;
}

/** Supplies with at least this share are read as evidence candidates in the aggregate query; segments with too few fall back to all rows. */
const EVIDENCE_MIN_SHARE = 0.3;
/** Supplier ids read per segment to pick `EVIDENCE_IDS` outside ones from. */
const SUPPLIER_ID_SCAN = 10 * EVIDENCE_IDS;

/**
 * Per-segment aggregates of a chain's segments and their FEEDS neighbours (every
 * segment when chainId is null) in the area scope. The area scope is a list of
 * area ids (read/explore/area-descendants); with no area, every enterprise whose
 * own flag says local counts, with or without an area. The facts come from the
 * in-memory projection when it is current, else from the store's queries
 * (gap-facts-source.ts): the same rows either way.
 */
export async function segmentAggregates(
  store: Store,
  chainId: string | null,
  areaId: string | null,
  source: GapFactsSource = analyticsSource(store)?.gapFacts ?? cypherGapFacts(store),
): Promise<SegmentAggregates[]> {
  const [segments, areaIds] = await Promise.all([source.segments(chainId), areaId === null ? null : areaScopeIds(store, areaId)]);
  // sorted: the engines return a node's relationships in different orders
  for (const s of segments) for (const list of [s.chainIds, s.feedsFrom, s.feedsTo]) list.sort();
  const segmentIds = segments.map((s) => s.id);
  const scope = { areaIds, segmentIds };
  const [locals, supplies] = await Promise.all([source.locals(scope, EVIDENCE_IDS), source.supplies(scope, SUPPLIER_ID_SCAN, EVIDENCE_MIN_SHARE)]);
  const localsOf = new Map(locals.map((r) => [r.segmentId, r]));
  const suppliesOf = new Map(supplies.map((r) => [r.segmentId, r]));
  // "inside" supplies (supplier local in the scope) are exactly the supplies of the segment's local enterprises
  const insideOf = localsOf;
  const insideSuppliers = new Map(locals.map((r) => [r.segmentId, new Set(r.insideSupplierIds)]));
  const isOutside = (segmentId: string, supplierId: string) => !insideSuppliers.get(segmentId)?.has(supplierId);

  // Evidence: the outside supplies with the largest shares. Candidates (share ≥ EVIDENCE_MIN_SHARE) come with the
  // aggregates; a segment with fewer outside candidates than it should show reads all its supply rows.
  const evidence = new Map<string, SupplyLink[]>();
  const short: string[] = [];
  for (const s of supplies) {
    const outsideCount = s.supplyCount - (insideOf.get(s.segmentId)?.insideCount ?? 0);
    const list = s.candidates
      .filter((c) => c && isOutside(s.segmentId, c[0]))
      .map(([from, to, share]) => ({ from, to, share }))
      .sort(bySupplyShare)
      .slice(0, EVIDENCE_SUPPLIES);
    evidence.set(s.segmentId, list);
    if (list.length < Math.min(EVIDENCE_SUPPLIES, outsideCount)) short.push(s.segmentId);
  }
  if (short.length > 0) {
    const rows = await source.supplyRows({ areaIds, segmentIds: short });
    const bySegment = new Map<string, SupplyLink[]>();
    for (const r of rows) {
      if (!isOutside(r.segmentId, r.from)) continue;
      const list = bySegment.get(r.segmentId) ?? [];
      list.push({ from: r.from, to: r.to, share: r.share });
      bySegment.set(r.segmentId, list);
    }
    for (const id of short) evidence.set(id, (bySegment.get(id) ?? []).sort(bySupplyShare).slice(0, EVIDENCE_SUPPLIES));
  }

  return segments.map((seg): SegmentAggregates => {
    const l = localsOf.get(seg.id);
    const s = suppliesOf.get(seg.id);
    const i = insideOf.get(seg.id);
    const insideSet = insideSuppliers.get(seg.id) ?? new Set<string>();
    const outsideSupplyCount = (s?.supplyCount ?? 0) - (i?.insideCount ?? 0);
    return {
      ...seg,
      localCount: l?.localCount ?? 0,
      localOutput: l?.localOutput ?? 0,
      outputKnownCount: l?.outputKnownCount ?? 0,
      localEnterpriseIds: l?.localEnterpriseIds ?? [],
      leaderCount: l?.leaderCount ?? 0,
      leaderIds: l?.leaderIds ?? [],
      supplyCount: s?.supplyCount ?? 0,
      totalShare: s?.totalShare ?? 0,
      outsideSupplyCount,
      // Σ over all minus Σ inside: exactly 0 when nothing comes from outside, never below 0 by rounding
      outsideShareSum: outsideSupplyCount === 0 ? 0 : Math.max(0, (s?.totalShare ?? 0) - (i?.insideShare ?? 0)),
      localBuyerCount: s?.buyerCount ?? 0,
      localBuyerIds: s?.buyerIds ?? [],
      externalSupplierCount: (s?.supplierCount ?? 0) - insideSet.size,
      externalSupplierIds: (s?.supplierIds ?? []).filter((id) => !insideSet.has(id)).slice(0, EVIDENCE_IDS),
      outsideSupplies: evidence.get(seg.id) ?? [],
    };
  });
}

/**
 * 补链 / 强链 / 延链 analysis of one chain (every chain when chainId is null)
 * for one area scope (both plan areas when areaId is null): the segment
 * aggregates (segmentAggregates), chain duties, saved gaps. Results are cached
 * per (chainId, areaId, thresholds) until the store's next write
 * (analysis-cache.ts); treat them as read-only.
 */
export async function gapAnalysis(
  store: Store,
  args: { chainId?: string | null; areaId?: string | null; thresholds?: Overrides<GapThresholds> | null },
  /** Read the facts from this source, uncached (tests and the benchmark compare the store's queries with the projection). */
  source?: GapFactsSource,
): Promise<GapAnalysis> {
  const chainId = args.chainId ?? null;
  const areaId = args.areaId ?? null;
  const thresholds = resolveThresholds(args.thresholds);
  if (source) return analyse(store, chainId, areaId, thresholds, source);
  return analysisCache(store, JSON.stringify([chainId, areaId, thresholds]), () => analyse(store, chainId, areaId, thresholds));
}

async function analyse(store: Store, chainId: string | null, areaId: string | null, thresholds: GapThresholds, source?: GapFactsSource): Promise<GapAnalysis> {
  const rows = await segmentAggregates(store, chainId, areaId, source);
  const facts = new Map(rows.map((r) => [r.id, factsFromAggregates(r, thresholds)]));
  const inScope = rows.filter((r) => chainId === null || r.chainIds.includes(chainId)).map((r) => r.id);
  const detected = classifyGaps(facts, inScope, areaId, thresholds);

  const chainIds = chainId ? [chainId] : [...new Set(detected.flatMap((g) => g.chainIds))];
  const [duties, saved, chains] = await Promise.all([
    chainDuties(store, chainIds, areaId),
    listSavedGaps(store, { chainId, areaId, segmentIds: inScope }),
    listChains(store),
  ]);

  const matched = new Set<string>();
  const gaps = detected.map((g): AnalysedGap => {
    const same = saved
      .filter((s) => s.kind === g.kind && s.segmentId === g.segmentId && (areaId === null || s.areaId === areaId))
      .sort((a, b) => Number(b.id === g.id) - Number(a.id === g.id));
    same.forEach((s) => matched.add(s.id));
    const chains = chainId ? [chainId] : g.chainIds;
    return {
      ...g,
      responsible: uniqueDuties(chains.flatMap((c) => duties.get(c) ?? [])),
      savedGaps: same,
      saved: same.length > 0,
      status: same[0]?.status ?? null,
    };
  });
  const counts = Object.fromEntries(GAP_KINDS.map((k) => [k, 0])) as Record<GapKind, number>;
  for (const g of gaps) counts[g.kind] += 1;
  return {
    chainId,
    areaId,
    thresholds,
    segments: inScope.map((id) => facts.get(id)!),
    gaps,
    undetectedSavedGaps: saved.filter((s) => !matched.has(s.id)),
    counts,
    emptyChains: findEmptyChains(
      facts,
      chains.filter((c) => chainId === null || c.id === chainId),
    ),
  };
}
