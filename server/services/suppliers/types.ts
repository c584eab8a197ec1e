import type { ScoreComponent, ScoreFacts } from './score.ts';
import type { CandidateWeights } from './weights.ts';
import type { FittedWeights } from './fitted-weights.ts';

/** A segment that makes an enterprise a candidate: a target itself (direct) or a sibling feeding the same downstream segments. */
export interface Fit {
  segmentId: string;
  segmentName: string;
  /** English name where the seeds give one, for reasonEn. */
  segmentNameEn: string | null;
  role: string | null;
  targetId: string;
  direct: boolean;
  downstreamIds: string[];
}
/** A local enterprise of the area scope the candidate SUPPLIES. */
export interface Buyer {
  id: string;
  name: string;
  share: number | null;
  product: string | null;
}
/** A buyer like the local buyers: outside the scope, operating in a segment of the local demand. */
export interface PeerBuyer {
  buyerId: string;
  segmentId: string;
  /** A local enterprise (of another area than the scope's): counts fully, a distant one FAR_PEER. */
  near: boolean;
}
/** Local enterprises of the area scope in one segment. */
export interface SegmentLocals {
  localIds: string[];
  /** One of them is a 链主 there. */
  leader: boolean;
}

/** Everything one candidate's score, reasons and path are computed from. */
export interface CandidateRow {
  facts: ScoreFacts;
  shortName: string | null;
  uscc: string | null;
  province: string | null;
  city: string | null;
  sample: boolean | null;
  fits: Fit[];
  localBuyers: Buyer[];
  peerBuyers: PeerBuyer[];
}

export interface SupplierCandidate {
  rank: number;
  enterpriseId: string;
  name: string;
  shortName: string | null;
  uscc: string | null;
  region: string | null;
  province: string | null;
  city: string | null;
  output: number | null;
  /** null when unknown. */
  aboveScale: boolean | null;
  tags: string[];
  sample: boolean;
  /** Segments it operates in that make it a candidate. */
  segmentIds: string[];
  segmentNames: string[];
  /** Operates in a target segment itself. */
  inSegment: boolean;
  score: number;
  components: ScoreComponent[];
  reasonZh: string;
  reasonEn: string;
  /** The reason in one line: the segment and the strongest other component. */
  reasonLineZh: string;
  reasonLineEn: string;
  /** Node and edge ids to highlight: the evidence behind the score (see paths.ts). */
  path: { nodeIds: string[]; edgeIds: string[] };
}

export interface CandidatePage {
  segmentIds: string[];
  areaId: string | null;
  weights: CandidateWeights;
  /** The base weights: fitted on the store's links, or the defaults (fitted-weights.ts). */
  rankingWeights: FittedWeights;
  totalCount: number;
  candidates: SupplierCandidate[];
  /** Cursor of the last candidate of the page; pass as `after` for the next page. */
  endCursor: string | null;
  hasNextPage: boolean;
}
