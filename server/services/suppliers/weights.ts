import type { Overrides } from '../../model/overrides.ts';
import { ValidationError } from '../../errors.ts';

/**
 * Weights of the candidate score (any non-negative numbers): a component adds
 * value × weight ÷ Σ weight × 100 points, its value being 0–1. The defaults
 * sum to 100 and were chosen by `npm run eval -- ranking` (docs/ranking.md).
 */
export interface CandidateWeights {
  /** Operates in the target segment itself (1) or only in a sibling that FEEDS the same downstream segment (0). */
  segmentFit: number;
  /** SUPPLIES local enterprises of the area scope: log-scaled count, relative to the most among the candidates. */
  suppliesLocal: number;
  /**
   * SUPPLIES enterprises like the local buyers: local enterprises outside the scope, in a segment the scope's
   * local enterprises operate in, weighted by how much of the local demand that segment is (its local
   * enterprises × how widely its enterprises buy the target's output); log-scaled.
   */
  suppliesPeers: number;
  /** Customers of any kind: log-scaled count. */
  customers: number;
  /** log output, from the smallest to the largest among the candidates; unknown output counts as the candidates' median. */
  scale: number;
  /** anhui 1, yrd 0.6, other 0.2; unknown 0.6. */
  region: number;
  /** 专精特新 0.4 + 小巨人 0.4 + 高新技术 0.2, at most 1. */
  qualifications: number;
  /** 链主 elsewhere: OPERATES_IN role leader or tag 链主. */
  leaderElsewhere: number;
}

export type ComponentName = keyof CandidateWeights;

/** The order components are listed (and summed) in. */
export const COMPONENT_ORDER: readonly ComponentName[] = [
  'segmentFit',
  'suppliesLocal',
  'suppliesPeers',
  'customers',
  'scale',
  'region',
  'qualifications',
  'leaderElsewhere',
];

export const DEFAULT_WEIGHTS: CandidateWeights = {
  segmentFit: 35,
  suppliesLocal: 23,
  suppliesPeers: 23,
  customers: 8,
  scale: 3,
  region: 6,
  qualifications: 1,
  leaderElsewhere: 1,
};

/** The weights to rank with: `input`'s components over `base` (the store's fitted weights, or the defaults). */
export function resolveWeights(input: Overrides<CandidateWeights> | null | undefined, base: CandidateWeights = DEFAULT_WEIGHTS): CandidateWeights {
  const w = { ...base };
  for (const [k, v] of Object.entries(input ?? {})) {
    if (v == null) continue;
    if (!(k in DEFAULT_WEIGHTS)) throw new ValidationError(`weights.${k} is not a score component`, `weights.${k}`);
    if (!(v >= 0)) throw new ValidationError(`weights.${k} must be ≥ 0`, `weights.${k}`);
    w[k as ComponentName] = v;
  }
  if (Object.values(w).every((v) => v === 0)) throw new ValidationError('at least one weight must be > 0', 'weights');
  return w;
}
