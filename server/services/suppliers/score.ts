import { COMPONENT_ORDER, type CandidateWeights, type ComponentName } from './weights.ts';

/** The facts a candidate's score depends on: read for every candidate before ranking (evidence lists only for the page). */
export interface ScoreFacts {
  id: string;
  name: string;
  region: string | null;
  output: number | null;
  aboveScale: boolean | null;
  tags: string[];
  leaderRole: boolean;
  /** Operates in a target segment itself (not only in a sibling). */
  direct: boolean;
  /** SUPPLIES to local enterprises of the area scope. */
  localBuyers: number;
  /** Buyers outside the scope in a segment of the local demand (see rankCandidates), counted per segment. */
  peerBuyers: number;
  /**
   * Likeness to the local demand: Σ over demand segments of the buyers there × the segment's weight
   * (its share of the scope's local enterprises × its reach: the share of its enterprises that buy from
   * the targets' producers, + FEEDS_REACH when a target FEEDS it or is it; rankCandidates)
   * × 1 for a local enterprise (of another area), FAR_PEER for one elsewhere.
   */
  peerAffinity: number;
  /** SUPPLIES to any enterprise. */
  customers: number;
}

/** What the log-scaled components are relative to: the candidates of one ranking. */
export interface PoolStats {
  maxLocalBuyers: number;
  maxPeerAffinity: number;
  maxCustomers: number;
  /** ln(1 + output) of the smallest and largest known output. */
  minLogOutput: number;
  maxLogOutput: number;
  /** The scale value an unknown output gets: the median of the known ones (neutral, not zero). */
  neutralScale: number;
}

/**
 * How much a buyer like ours counts when it is not a local enterprise (a local one in another area of
 * the plan counts 1): little enough that nearby buyers decide wherever there are any (on both generated
 * datasets any larger weight lowered the ranking: 0.1 → 0.02 → 0.001, plan MRR 0.30 → 0.31 → 0.32), yet
 * not 0, so a store whose buyers like ours are all outside the plan's areas (the usual case before local
 * supply data is entered) still orders its candidates by them (the log scale is relative to the most
 * among the candidates). docs/ranking.md; chosen with `npm run eval -- ranking`.
 */
export const FAR_PEER = 0.001;

/**
 * The reach a segment gets for being a target or taking a target's output along FEEDS, on top of the reach
 * observed on SUPPLIES: the chain's own word counts before any supply of that kind is recorded
 * (docs/ranking.md; chosen with `npm run eval -- ranking`).
 */
export const FEEDS_REACH = 0.05;

export const QUALIFICATION_TAGS = ['专精特新', '小巨人', '高新技术'] as const;
const REGION_VALUE: Record<string, number> = { local: 1, anhui: 1, yrd: 0.6, other: 0.2 };
/** An unknown region counts as the middle of the scale. */
const UNKNOWN_REGION = 0.6;

const logShare = (n: number, max: number) => (max > 0 ? Math.log1p(n) / Math.log1p(max) : 0);
const round2 = (x: number) => Math.round(x * 100) / 100;

function scaleOf(output: number | null, p: Pick<PoolStats, 'minLogOutput' | 'maxLogOutput'>): number | null {
  if (output == null || !Number.isFinite(output) || output < 0) return null;
  const span = p.maxLogOutput - p.minLogOutput;
  return span > 0 ? Math.min(1, Math.max(0, (Math.log1p(output) - p.minLogOutput) / span)) : 1;
}

export function poolStats(facts: readonly ScoreFacts[]): PoolStats {
  let maxLocalBuyers = 0;
  let maxPeerAffinity = 0;
  let maxCustomers = 0;
  let minLogOutput = Infinity;
  let maxLogOutput = -Infinity;
  for (const f of facts) {
    maxLocalBuyers = Math.max(maxLocalBuyers, f.localBuyers);
    maxPeerAffinity = Math.max(maxPeerAffinity, f.peerAffinity);
    maxCustomers = Math.max(maxCustomers, f.customers);
    if (f.output != null && Number.isFinite(f.output) && f.output >= 0) {
      const l = Math.log1p(f.output);
      minLogOutput = Math.min(minLogOutput, l);
      maxLogOutput = Math.max(maxLogOutput, l);
    }
  }
  const range = { minLogOutput, maxLogOutput };
  // the known values in a typed array, sorted numerically: the order of (a, b) => a - b (they are finite), without
  // a call per comparison nor a list per step (tier L ranks up to ~150,000 candidates)
  let n = 0;
  const values = new Float64Array(facts.length);
  for (const f of facts) {
    const v = scaleOf(f.output, range);
    if (v != null) values[n++] = v;
  }
  const known = values.subarray(0, n).sort();
  const neutralScale = known.length ? known[Math.floor(known.length / 2)]! : 0.5;
  return { maxLocalBuyers, maxPeerAffinity, maxCustomers, minLogOutput, maxLogOutput, neutralScale };
}

export type ComponentValues = Record<ComponentName, number>;

/** Each component's value, 0–1 (unrounded). */
export function componentValues(f: ScoreFacts, p: PoolStats): ComponentValues {
  const tags = f.tags ?? [];
  return {
    segmentFit: f.direct ? 1 : 0,
    suppliesLocal: logShare(f.localBuyers, p.maxLocalBuyers),
    suppliesPeers: logShare(f.peerAffinity, p.maxPeerAffinity),
    customers: logShare(f.customers, p.maxCustomers),
    scale: scaleOf(f.output, p) ?? p.neutralScale,
    region: f.region == null ? UNKNOWN_REGION : (REGION_VALUE[f.region] ?? UNKNOWN_REGION),
    qualifications: Math.min(1, (tags.includes('专精特新') ? 0.4 : 0) + (tags.includes('小巨人') ? 0.4 : 0) + (tags.includes('高新技术') ? 0.2 : 0)),
    leaderElsewhere: f.leaderRole || tags.includes('链主') ? 1 : 0,
  };
}

/** 100 × Σ value × weight ÷ Σ weight, unrounded: what the ranking sorts by. */
export function rawScore(v: ComponentValues, w: CandidateWeights): number {
  let total = 0;
  let sum = 0;
  for (const k of COMPONENT_ORDER) {
    total += w[k];
    sum += v[k] * w[k];
  }
  return (100 * sum) / total;
}

export interface ScoreComponent {
  name: ComponentName;
  /** 0–1, rounded to 2 places. */
  value: number;
  weight: number;
  /** What the component adds to the 0–100 score (value × weight ÷ Σ weight × 100, rounded to 2 places). */
  points: number;
  /** One line a user can read: what earned the value. */
  detail: string;
}

function detailOf(name: ComponentName, f: ScoreFacts, p: PoolStats): string {
  switch (name) {
    case 'segmentFit':
      return f.direct ? 'same segment' : 'sibling segment (feeds the same downstream segment)';
    case 'suppliesLocal':
      return `${f.localBuyers} local buyer(s) (most among candidates: ${p.maxLocalBuyers})`;
    case 'suppliesPeers':
      return `${f.peerBuyers} buyer(s) like the local buyers, weighted by local demand and nearness (local 1, elsewhere ${FAR_PEER}) ${round2(f.peerAffinity)} (most: ${round2(p.maxPeerAffinity)})`;
    case 'customers':
      return `${f.customers} customer(s) (most: ${p.maxCustomers})`;
    case 'scale':
      return f.output == null
        ? `output unknown: the candidates' median counts${f.aboveScale ? '; 规上' : ''}`
        : `${f.aboveScale ? '规上, ' : ''}output ${f.output} 万元`;
    case 'region':
      return f.region ?? 'unknown';
    case 'qualifications':
      return (f.tags ?? []).filter((t) => (QUALIFICATION_TAGS as readonly string[]).includes(t)).join(', ') || 'none';
    case 'leaderElsewhere':
      return f.leaderRole || (f.tags ?? []).includes('链主') ? '链主' : 'no';
  }
}

/** The score (rounded to 2 places) and its components; the points add up to the score within rounding. */
export function scoreComponents(f: ScoreFacts, p: PoolStats, w: CandidateWeights): { components: ScoreComponent[]; score: number; raw: number } {
  const v = componentValues(f, p);
  const total = COMPONENT_ORDER.reduce((n, k) => n + w[k], 0);
  const components = COMPONENT_ORDER.map((name) => ({
    name,
    value: round2(v[name]),
    weight: w[name],
    points: round2((100 * v[name] * w[name]) / total),
    detail: detailOf(name, f, p),
  }));
  const raw = rawScore(v, w);
  return { components, score: round2(raw), raw };
}

/** Evidence a tie falls back on: supplies to local, like-local and any buyers. */
const evidenceOf = (f: ScoreFacts) => f.localBuyers + f.peerBuyers + f.customers;
const byName = new Intl.Collator('zh-CN');

/**
 * Best first: score, then more evidence, then larger known output (unknown after
 * known), then the name in 拼音 order — never the id, whose order means nothing.
 */
export function compareRanked(a: { facts: ScoreFacts; raw: number }, b: { facts: ScoreFacts; raw: number }): number {
  return (
    b.raw - a.raw || evidenceOf(b.facts) - evidenceOf(a.facts) || (b.facts.output ?? -1) - (a.facts.output ?? -1) || byName.compare(a.facts.name, b.facts.name)
  );
}
