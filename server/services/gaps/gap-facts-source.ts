import type { Store } from '../../store/store.ts';
import type { SegmentAggregates, SegmentRow, SupplyLink } from './classify-gaps.ts';

/** The scope of the per-segment aggregates: area ids (null: every enterprise marked local) and the segments. */
export interface GapScope {
  areaIds: string[] | null;
  segmentIds: string[];
}

/** Per segment: its local enterprises of the scope and their SUPPLIES into local buyers (read/gaps/segment-locals). */
export interface LocalsRow extends Pick<
  SegmentAggregates,
  'localCount' | 'localOutput' | 'outputKnownCount' | 'localEnterpriseIds' | 'leaderCount' | 'leaderIds'
> {
  segmentId: string;
  /** SUPPLIES from these local enterprises into local buyers of the scope. */
  insideCount: number;
  insideShare: number;
  insideSupplierIds: string[];
}

/** Per segment: every SUPPLIES from its enterprises into local buyers of the scope, aggregated (read/gaps/segment-supplies). */
export interface SuppliesRow {
  segmentId: string;
  supplyCount: number;
  totalShare: number;
  buyerCount: number;
  buyerIds: string[];
  supplierCount: number;
  supplierIds: string[];
  candidates: [string, string, number | null][];
}

/**
 * Where the gap analysis reads its per-segment facts: the store's queries
 * (`cypherGapFacts`) or the in-memory projection (server/services/projection),
 * which answers the same questions with the same rows.
 */
export interface GapFactsSource {
  segments(chainId: string | null): Promise<SegmentRow[]>;
  locals(scope: GapScope, limit: number): Promise<LocalsRow[]>;
  supplies(scope: GapScope, idLimit: number, minShare: number): Promise<SuppliesRow[]>;
  /** Every supply row of the segments (the evidence fallback): one per OPERATES_IN × SUPPLIES, buyer local (and in the areas, when given). */
  supplyRows(scope: GapScope): Promise<(SupplyLink & { segmentId: string })[]>;
}

/** The gap facts as the store's queries give them (cypher/read/gaps/). */
export function cypherGapFacts(store: Store): GapFactsSource {
  // No area: every enterprise marked local counts, whether or not an area is known for it (the -all queries).
  return {
    segments: (chainId) => store.run<SegmentRow>('read/gaps/segments', { chainId }),
    locals: ({ areaIds, segmentIds }, limit) =>
      areaIds === null
        ? store.run<LocalsRow>('read/gaps/segment-locals-all', { segmentIds, limit })
        : store.run<LocalsRow>('read/gaps/segment-locals', { segmentIds, limit, areaIds }),
    supplies: ({ areaIds, segmentIds }, idLimit, minShare) =>
      areaIds === null
        ? store.run<SuppliesRow>('read/gaps/segment-supplies-all', { segmentIds, idLimit, minShare })
        : store.run<SuppliesRow>('read/gaps/segment-supplies', { segmentIds, idLimit, minShare, areaIds }),
    supplyRows: (scope) => store.run<SupplyLink & { segmentId: string }>('read/gaps/segment-supply-rows', { ...scope }),
  };
}
