import { analyticsSource } from '../projection/projection-registry.ts';
import type { TimeSlices } from '../projection/time-slices.ts';
import type { Store } from '../../store/store.ts';
import type { ScoreFacts } from './score.ts';
import type { PeerBuyer } from './types.ts';

/** One candidate's scoring facts as read (the counts of local and like-local buyers are read apart). */
export type CandidateFactsRow = Omit<ScoreFacts, 'localBuyers' | 'peerBuyers' | 'peerAffinity'>;

/**
 * Where the ranking reads its facts: the store's queries (`cypherCandidateFacts`)
 * or the in-memory projection (server/services/projection), which answers the
 * same questions with the same rows (in any order: the ranking keys them by id).
 */
export interface CandidateFactsSource {
  /** Set when the ranking runs in the background (the weight fit): it yields to requests between its steps when a slice is spent. */
  slices?: TimeSlices;
  /** Sources with the same key read the same `segmentLocals` (the projection's graph, with or without a fold hidden): kept once for all of them. */
  localsKey?: object;
  /** Per segment with any: the local enterprises of the areas (any Area when null), one id per row, by id; and the 链主 rows among them. */
  segmentLocals(areaIds: string[] | null): Promise<{ segmentId: string; localIds: string[]; leaders: number }[]>;
  demandSegments(segmentIds: string[]): Promise<{ segmentId: string; name: string; nameEn: string | null }[]>;
  candidates(segmentIds: string[]): Promise<CandidateFactsRow[]>;
  localBuyers(segmentIds: string[], areaIds: string[] | null): Promise<{ id: string; localBuyers: number }[]>;
  /** Per (candidate, demand segment, near: the buyer is a local enterprise of another area): distinct buyers like the local ones. */
  peerBuyers(
    segmentIds: string[],
    demandSegments: Record<string, true>,
    areaIds: string[] | null,
  ): Promise<{ id: string; segmentId: string; near: boolean; peerBuyers: number }[]>;
  /** Per segment of $demandSegments: distinct enterprises in it that an external enterprise of a target supplies, and its enterprises (OPERATES_IN). */
  segmentReach(segmentIds: string[], demandSegments: Record<string, true>): Promise<SegmentReachRow[]>;
  /**
   * A page's evidence of buyers like the local ones: per external candidate of `ids`, every buyer it SUPPLIES operating
   * in a segment of `demandSegments`, one entry per SUPPLIES and OPERATES_IN, in any order (the page sorts them).
   */
  peerEvidence(ids: string[], demandSegments: Record<string, true>): Promise<{ id: string; peerBuyers: PeerBuyer[] }[]>;
}

export interface SegmentReachRow {
  segmentId: string;
  name: string;
  nameEn: string | null;
  buyers: number;
  members: number;
}

/** The candidate facts as the store's queries give them (cypher/read/suppliers/). */
export function cypherCandidateFacts(store: Store): CandidateFactsSource {
  return {
    segmentLocals: (areaIds) => store.run<{ segmentId: string; localIds: string[]; leaders: number }>('read/suppliers/segment-locals', { areaIds }),
    demandSegments: (segmentIds) => store.run<{ segmentId: string; name: string; nameEn: string | null }>('read/suppliers/demand-segments', { segmentIds }),
    candidates: (segmentIds) => store.run<CandidateFactsRow>('read/suppliers/candidate-facts', { segmentIds }),
    localBuyers: (segmentIds, areaIds) => store.run<{ id: string; localBuyers: number }>('read/suppliers/candidate-local-buyers', { segmentIds, areaIds }),
    peerBuyers: (segmentIds, demandSegments, areaIds) =>
      store.run<{ id: string; segmentId: string; near: boolean; peerBuyers: number }>('read/suppliers/candidate-peer-buyers', {
        segmentIds,
        demandSegments,
        areaIds,
      }),
    segmentReach: (segmentIds, demandSegments) => store.run<SegmentReachRow>('read/suppliers/segment-reach', { segmentIds, demandSegments }),
    peerEvidence: (ids, demandSegments) =>
      store.run<{ id: string; peerBuyers: PeerBuyer[] }>('read/suppliers/candidate-peer-evidence', { ids, demandSegments }),
  };
}

/** The projection's facts while it is current, else the store's queries (the same answers either way). */
export const currentCandidateFacts = (store: Store): CandidateFactsSource => analyticsSource(store)?.candidateFacts ?? cypherCandidateFacts(store);
