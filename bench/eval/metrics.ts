import { Rng } from '../../server/services/generate/random.ts';

/** The rank of the true supplier for one held-out link, or null when it is not among the candidates. */
export type Rank = number | null;

export interface MetricSet {
  hits1: number;
  hits10: number;
  /** hits@10 over the links whose true supplier is among the candidates. */
  hits10Covered: number;
  mrr: number;
  coverage: number;
}
export type MetricName = keyof MetricSet;
export const METRICS: readonly MetricName[] = ['hits1', 'hits10', 'hits10Covered', 'mrr', 'coverage'];

export function metrics(ranks: readonly Rank[]): MetricSet {
  let hits1 = 0;
  let hits10 = 0;
  let rr = 0;
  let covered = 0;
  for (const r of ranks) {
    if (r == null) continue;
    covered++;
    if (r === 1) hits1++;
    if (r <= 10) hits10++;
    rr += 1 / r;
  }
  const n = ranks.length || NaN;
  return { hits1: hits1 / n, hits10: hits10 / n, hits10Covered: covered ? hits10 / covered : NaN, mrr: rr / n, coverage: covered / n };
}

export interface Interval {
  value: number;
  low: number;
  high: number;
}

/**
 * Percentile bootstrap (95 %) of every metric, resampling held-out links with
 * replacement; `paired` methods are resampled with the same draws, so the
 * difference of two methods gets its own interval too.
 */
export function bootstrap(methods: Record<string, readonly Rank[]>, resamples = 1000, seed = 1): Record<string, Record<MetricName, Interval>> {
  const names = Object.keys(methods);
  const n = methods[names[0]!]!.length;
  const rng = new Rng(seed);
  const draws = Object.fromEntries(names.map((m) => [m, Object.fromEntries(METRICS.map((k) => [k, [] as number[]]))])) as Record<
    string,
    Record<MetricName, number[]>
  >;
  const sample: Rank[] = new Array(n);
  for (let b = 0; b < resamples; b++) {
    const idx = Array.from({ length: n }, () => rng.int(n));
    for (const m of names) {
      const ranks = methods[m]!;
      for (let i = 0; i < n; i++) sample[i] = ranks[idx[i]!]!;
      const s = metrics(sample);
      for (const k of METRICS) draws[m]![k].push(s[k]);
    }
  }
  const pct = (xs: number[], p: number) => {
    const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
    return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.round(p * (s.length - 1))))]! : NaN;
  };
  return Object.fromEntries(
    names.map((m) => {
      const point = metrics(methods[m]!);
      return [m, Object.fromEntries(METRICS.map((k) => [k, { value: point[k], low: pct(draws[m]![k], 0.025), high: pct(draws[m]![k], 0.975) }]))];
    }),
  ) as Record<string, Record<MetricName, Interval>>;
}

/** 95 % bootstrap interval of mean(a) − mean(b) of reciprocal ranks over the same links. */
export function mrrDifference(a: readonly Rank[], b: readonly Rank[], resamples = 1000, seed = 2): Interval {
  const rr = (r: Rank) => (r == null ? 0 : 1 / r);
  const d = a.map((r, i) => rr(r) - rr(b[i]!));
  const n = d.length;
  const rng = new Rng(seed);
  const means: number[] = [];
  for (let k = 0; k < resamples; k++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += d[rng.int(n)]!;
    means.push(s / n);
  }
  means.sort((x, y) => x - y);
  return { value: d.reduce((x, y) => x + y, 0) / n, low: means[Math.round(0.025 * (resamples - 1))]!, high: means[Math.round(0.975 * (resamples - 1))]! };
}
