import { hashString, Rng } from '../generate/random.ts';
import type { AnalyticGraph } from '../projection/analytic-graph.ts';
import { projectedCandidateFacts } from '../projection/projected-candidate-facts.ts';
import { projectionEnabled } from '../projection/projection-lifecycle.ts';
import { analyticsSource, projectionReady, type AnalyticsSource } from '../projection/projection-registry.ts';
import { withBoundedHeapGrowth } from '../projection/heap-growth.ts';
import { forEachInSlices, TimeSlices } from '../projection/time-slices.ts';
import type { Store } from '../../store/store.ts';
import { hiddenSupplies, ownLinks } from './own-links.ts';
import { rankCandidates } from './rank-candidates.ts';
import { compareRanked, componentValues, type ComponentValues } from './score.ts';
import { COMPONENT_ORDER, DEFAULT_WEIGHTS, type CandidateWeights } from './weights.ts';

/**
 * The weights the ranking uses by default, calibrated on the store's own supply links
 * (self-supervised learning to rank, docs/ranking.md "Weights fitted on the store's own links"):
 * the known links from external suppliers to local buyers are split into FOLDS; each fold is
 * hidden in turn (masked in the projection's SUPPLIES, the store is never written), each of
 * its links is asked as a 招商 officer would ask it (its segment and area, not the buyer), and
 * the weights that rank the true suppliers best (MRR) are chosen by coordinate search around
 * the documented defaults. Fewer than MIN_LINKS links: the defaults.
 */
export interface FittedWeights {
  weights: CandidateWeights;
  /** Whether `weights` were fitted on this store's links (false: the documented defaults). */
  fitted: boolean;
  /** Links (external supplier → local buyer pairs) the store held when fitted; null when it was not read (no projection). */
  links: number | null;
  /** Links asked in the fit. */
  questions: number;
  /** MRR on those questions with the defaults and with the fitted weights (null when not fitted). */
  mrrDefault: number | null;
  mrrFitted: number | null;
  /** Whether they were fitted at the store's current data version (false: an earlier version's, while the current one is fitted). */
  current: boolean;
  /** Why the defaults are used, when they are. */
  reason: string | null;
  /** Time the fit took (ms), not counting the projection. */
  ms: number;
}

/** Fewer links than this: too few to fit, the defaults are used. */
export const MIN_LINKS = 30;
const FOLDS = 5;
/**
 * Links asked at most (spread over the folds): enough for a stable fit (the generated tier-S stores ask 315 and 589),
 * bounded time on large stores (with MAX_ROWS; tier M: ~27 ms of CPU per question, docs/ranking.md).
 */
export const MAX_QUESTIONS = 1000;
/** Multipliers of a component's default weight tried by the coordinate search. */
const GRID = [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3];
/** A move must gain this much MRR to be kept: the defaults stand unless the store's links say otherwise. */
const MIN_GAIN = 0.002;
const ROUNDS = 3;
/**
 * Candidate rows kept over all questions at most (8 values each: ~26 MB); tier M's lists are ~4,800 candidates long
 * (~2,200 kept), so there a fold stops at ~37 questions: 184 in all, 5 s of CPU (docs/ranking.md).
 */
const MAX_ROWS = 400_000;
const K = COMPONENT_ORDER.length;
/**
 * The fit runs beside requests: it yields to them after about this much work (ms), inside a question's
 * ranking too (tier L: a question is ~150–600 ms of work, the links' read ~0.9 s).
 */
export const FIT_SLICE_MS = 20;

/**
 * One asked link: the component values (row-major) of the true supplier (row 0) and of the candidates that
 * could outrank it under some weights ≥ 0 (a candidate no higher on any component, and after it when scores
 * tie, never does: it is left out, which keeps a large store's questions small without changing any rank).
 */
export interface FitQuestion {
  values: Float64Array;
  /** 1 where the row comes before the true supplier when their scores tie (compareRanked's fall-backs: evidence, output, name). */
  beforeOnTie: Uint8Array;
}

/** The rows of a question: the truth first, then every candidate that can outrank it (with `slices`, yielding between chunks). */
export async function fitQuestion(
  rows: readonly ComponentValues[],
  truth: number,
  beforeOnTie: (i: number) => boolean,
  slices?: TimeSlices,
): Promise<FitQuestion> {
  const t = rows[truth]!;
  const kept = [truth];
  await forEachInSlices(slices, rows.length, (i) => {
    const v = rows[i]!;
    if (i !== truth && (COMPONENT_ORDER.some((k) => v[k] > t[k]) || beforeOnTie(i))) kept.push(i);
  });
  const values = new Float64Array(kept.length * K);
  const before = new Uint8Array(kept.length);
  await forEachInSlices(slices, kept.length, (r) => {
    const i = kept[r]!;
    for (let j = 0; j < K; j++) values[r * K + j] = rows[i]![COMPONENT_ORDER[j]!];
    before[r] = r > 0 && beforeOnTie(i) ? 1 : 0;
  });
  return { values, beforeOnTie: before };
}

/** MRR of the weights (in COMPONENT_ORDER) on the questions, ranking as the product does: score, then the tie-breaks. */
export function questionsMrr(questions: readonly FitQuestion[], w: readonly number[]): number {
  let rr = 0;
  for (const q of questions) {
    const score = (i: number) => {
      let s = 0;
      for (let j = 0; j < K; j++) s += q.values[i * K + j]! * w[j]!;
      return s;
    };
    const t = score(0);
    let rank = 1;
    for (let i = 1; i < q.beforeOnTie.length; i++) {
      const s = score(i);
      if (s > t || (s === t && q.beforeOnTie[i] === 1)) rank++;
    }
    rr += 1 / rank;
  }
  return questions.length ? rr / questions.length : NaN;
}

/** The reciprocal rank of the truth when component `j`'s weight moves by `delta` from the scores `s` (Σ value × weight). */
function reciprocalRank(q: FitQuestion, s: Float64Array, j: number, delta: number): number {
  const t = s[0]! + q.values[j]! * delta;
  let rank = 1;
  for (let i = 1; i < s.length; i++) {
    const v = s[i]! + q.values[i * K + j]! * delta;
    if (v > t || (v === t && q.beforeOnTie[i] === 1)) rank++;
  }
  return 1 / rank;
}

/**
 * Coordinate search from the defaults: per component in turn, the grid value with the best MRR when it gains more than MIN_GAIN.
 * Each candidate's score is kept and moved by the one weight tried (one pass over the candidates per value), and the search
 * yields to requests between values tried when a slice is spent, so a large store's fit never holds the server for long.
 */
export async function searchWeights(
  questions: readonly FitQuestion[],
  slices = new TimeSlices(FIT_SLICE_MS),
): Promise<{ weights: CandidateWeights; mrrDefault: number; mrrFitted: number }> {
  const base = COMPONENT_ORDER.map((k) => DEFAULT_WEIGHTS[k]);
  const w = [...base];
  const scores = questions.map((q) => {
    const s = new Float64Array(q.beforeOnTie.length);
    for (let i = 0; i < s.length; i++) for (let j = 0; j < K; j++) s[i]! += q.values[i * K + j]! * w[j]!;
    return s;
  });
  const mrrWith = (j: number, delta: number) => questions.reduce((n, q, k) => n + reciprocalRank(q, scores[k]!, j, delta), 0) / (questions.length || NaN);
  const mrrDefault = mrrWith(0, 0);
  let best = mrrDefault;
  for (let round = 0; round < ROUNDS; round++) {
    let moved = false;
    for (let j = 0; j < K; j++) {
      const keep = w[j]!;
      let chosen = keep;
      for (const m of GRID) {
        const v = base[j]! * m;
        if (v === keep || w.every((x, k) => (k === j ? v : x) === 0)) continue;
        await slices.check();
        const mrr = mrrWith(j, v - keep);
        if (mrr > best + MIN_GAIN) {
          best = mrr;
          chosen = v;
        }
      }
      if (chosen !== keep) {
        questions.forEach((q, k) => {
          const s = scores[k]!;
          for (let i = 0; i < s.length; i++) s[i]! += q.values[i * K + j]! * (chosen - keep);
        });
        w[j] = chosen;
        moved = true;
      }
    }
    if (!moved) break;
  }
  // Recomputed from the weights as the product sums them, not from the moved scores.
  return {
    weights: Object.fromEntries(COMPONENT_ORDER.map((k, j) => [k, w[j]!])) as unknown as CandidateWeights,
    mrrDefault,
    mrrFitted: questionsMrr(questions, w),
  };
}

const defaults = (reason: string, links: number | null): FittedWeights => ({
  weights: { ...DEFAULT_WEIGHTS },
  fitted: false,
  links,
  questions: 0,
  mrrDefault: null,
  mrrFitted: null,
  current: true,
  reason,
  ms: 0,
});

/**
 * Fits the weights on a projection of the store. Each question's ranking reads the projection minus
 * its fold (the same rows the store's queries would give without those links), so a link never
 * counts as evidence for itself. Yields between questions and within them (FIT_SLICE_MS): requests are served while it runs.
 */
export async function fitOnGraph(store: Store, g: AnalyticGraph, stale: () => boolean = () => false): Promise<FittedWeights | null> {
  const started = performance.now();
  const slices = new TimeSlices(FIT_SLICE_MS);
  const links = await ownLinks(g, slices);
  if (links.length < MIN_LINKS)
    return defaults(`${links.length} links from external suppliers to local enterprises: fewer than ${MIN_LINKS} to fit on`, links.length);
  // A fixed shuffle: the same store gives the same weights.
  const rng = new Rng(hashString('fitted weights'));
  const order = links.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const foldSize = Math.ceil(links.length / FOLDS);
  const askPerFold = Math.ceil(MAX_QUESTIONS / FOLDS);
  const questions: FitQuestion[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const fold = order.slice(f * foldSize, (f + 1) * foldSize).map((i) => links[i]!);
    if (!fold.length) continue;
    const source = projectedCandidateFacts(g, { hidden: await hiddenSupplies(g, fold, slices), slices });
    let rowsThisFold = 0;
    for (const link of fold.slice(0, askPerFold)) {
      await slices.next();
      // A write came: this data version's weights are no longer wanted; the next version's fit starts with its projection.
      if (stale()) return null;
      const ranking = await rankCandidates(store, [link.segmentId], link.areaId, DEFAULT_WEIGHTS, source);
      const truth = ranking.ranked.findIndex((c) => c.facts.id === link.fromId);
      if (truth < 0) continue;
      const rows = new Array<ComponentValues>(ranking.ranked.length);
      await forEachInSlices(slices, rows.length, (i) => (rows[i] = componentValues(ranking.ranked[i]!.facts, ranking.pool)));
      const truthFacts = { facts: ranking.ranked[truth]!.facts, raw: 0 };
      const q = await fitQuestion(rows, truth, (i) => compareRanked({ facts: ranking.ranked[i]!.facts, raw: 0 }, truthFacts) < 0, slices);
      questions.push(q);
      rowsThisFold += q.beforeOnTie.length;
      // Enough rows in this fold (a large store's candidate lists are long): on to the next.
      if (rowsThisFold >= MAX_ROWS / FOLDS) break;
    }
  }
  const fit = await searchWeights(questions, slices);
  return {
    weights: fit.weights,
    fitted: true,
    links: links.length,
    questions: questions.length,
    mrrDefault: fit.mrrDefault,
    mrrFitted: fit.mrrFitted,
    current: true,
    reason: null,
    ms: performance.now() - started,
  };
}

interface FitState {
  done: FittedWeights | null;
  running: Promise<FittedWeights>;
}
/** One fit per projection (a projection is one data version). */
const fits = new WeakMap<AnalyticsSource, FitState>();
/** The last finished fit per store, used (marked not current) while the current version's fit runs. */
const lastFit = new WeakMap<Store, FittedWeights>();
/** Fits finished per store: an answer made with other weights is not served from the response cache (response-cache.ts). */
const finished = new WeakMap<Store, number>();

function fitFor(store: Store, source: AnalyticsSource): FitState {
  let state = fits.get(source);
  if (!state) {
    const s: FitState = {
      done: null,
      running: withBoundedHeapGrowth(() => fitOnGraph(store, source.graph, () => analyticsSource(store) !== source))
        .catch((e: unknown) => defaults(`the fit failed: ${(e as Error).message}`, null))
        .then((result) => {
          if (!result)
            return { ...(lastFit.get(store) ?? defaults('a write came while fitting: the defaults are used until the next fit', null)), current: false };
          s.done = result;
          lastFit.set(store, result);
          finished.set(store, (finished.get(store) ?? 0) + 1);
          return result;
        }),
    };
    fits.set(source, (state = s));
  }
  return state;
}

const NO_PROJECTION = 'the in-memory projection does not serve this store (Neo4j without ANALYTICS_PROJECTION=on): the defaults are used';

/**
 * The weights to rank with now, never waiting: this data version's fit when it is done; else the
 * last fit (current false) or the defaults, and the fit starts in the background (as the projection does).
 */
export function candidateWeightsNow(store: Store): FittedWeights {
  if (!projectionEnabled(store)) return defaults(NO_PROJECTION, null);
  const source = analyticsSource(store);
  const state = source ? fitFor(store, source) : null;
  if (state?.done) return state.done;
  const last = lastFit.get(store);
  if (last) return { ...last, current: false };
  return { ...defaults('the weights are being fitted on this store’s links: the defaults are used until then', null), current: false };
}

/** Waits for this data version's fit (builds the projection if needed). For the evaluation, the benchmark and tests. */
export async function fittedWeightsReady(store: Store): Promise<FittedWeights> {
  const source = await projectionReady(store);
  if (!source) return defaults(NO_PROJECTION, null);
  return fitFor(store, source).running;
}

/** How many fits have finished for the store: part of the response cache's key (an answer depends on the weights in use). */
export const fitsFinished = (store: Store): number => finished.get(store) ?? 0;
