import type { GapKind } from '../../model/vocabulary.ts';
import type { Store } from '../../store/store.ts';
import { ValidationError } from '../errors.ts';
import { chainDuties, uniqueDuties, type UnitDuty } from '../responsibility/duties.ts';
import {
  classifyGaps,
  DEFAULT_THRESHOLDS,
  segmentFacts,
  type DetectedGap,
  type GapThresholds,
  type SegmentFacts,
  type SegmentFactsRow,
} from './classify-gaps.ts';
import { listSavedGaps, type SavedGap } from './saved-gaps.ts';

/** A detected gap with the units responsible for it and what planners saved about it. */
export interface AnalysedGap extends DetectedGap {
  /** Units of the tasks that develop the gap's chain(s), for the scope's area(s). */
  responsible: UnitDuty[];
  /** Saved Gap nodes of the same kind, segment and area (scope all: any area); the exact id first. */
  savedGaps: SavedGap[];
  saved: boolean;
  /** Status of the first saved gap; null when not saved. */
  status: string | null;
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
}

export function resolveThresholds(input: Partial<GapThresholds> | null | undefined): GapThresholds {
  const t = { ...DEFAULT_THRESHOLDS };
  for (const [k, v] of Object.entries(input ?? {})) if (v != null) (t as Record<string, number>)[k] = v;
  if (!(t.minOutput >= 0)) throw new ValidationError('thresholds.minOutput must be ≥ 0 (万元)', 'thresholds.minOutput');
  if (!(t.outsideShare >= 0 && t.outsideShare <= 1)) {
    throw new ValidationError('thresholds.outsideShare must be between 0 and 1', 'thresholds.outsideShare');
  }
  if (!(t.minEnterprises >= 1)) throw new ValidationError('thresholds.minEnterprises must be ≥ 1', 'thresholds.minEnterprises');
  return t;
}

/**
 * 补链 / 强链 / 延链 analysis of one chain (every chain when chainId is null)
 * for one area scope (both plan areas when areaId is null). Three queries in
 * all: per-segment facts, chain duties, saved gaps.
 */
export async function gapAnalysis(
  store: Store,
  args: { chainId?: string | null; areaId?: string | null; thresholds?: Partial<GapThresholds> | null },
): Promise<GapAnalysis> {
  const chainId = args.chainId ?? null;
  const areaId = args.areaId ?? null;
  const thresholds = resolveThresholds(args.thresholds);
  const rows = await store.run<SegmentFactsRow>('read/gaps/segment-facts', { chainId, areaId });
  const facts = new Map(rows.map((r) => [r.id, segmentFacts(r, thresholds)]));
  const inScope = rows.filter((r) => chainId === null || r.chainIds.includes(chainId)).map((r) => r.id);
  const detected = classifyGaps(facts, inScope, areaId, thresholds);

  const chainIds = chainId ? [chainId] : [...new Set(detected.flatMap((g) => g.chainIds))];
  const [duties, saved] = await Promise.all([
    chainDuties(store, chainIds, areaId),
    listSavedGaps(store, { chainId, areaId, segmentIds: inScope }),
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
  const counts = { fill: 0, extend: 0, strengthen: 0 } as Record<GapKind, number>;
  for (const g of gaps) counts[g.kind] += 1;
  return {
    chainId,
    areaId,
    thresholds,
    segments: inScope.map((id) => facts.get(id)!),
    gaps,
    undetectedSavedGaps: saved.filter((s) => !matched.has(s.id)),
    counts,
  };
}
