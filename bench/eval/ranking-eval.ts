import { hashString, mix, Rng } from '../../server/services/generate/random.ts';
import { rankCandidates, type RankedCandidate } from '../../server/services/suppliers/rank-candidates.ts';
import { resolveWeights, type CandidateWeights } from '../../server/services/suppliers/weights.ts';
import { fittedWeightsReady } from '../../server/services/suppliers/fitted-weights.ts';
import { questionFor } from '../../server/services/suppliers/own-links.ts';
import type { Overrides } from '../../server/model/overrides.ts';
import type { Store } from '../../server/store/store.ts';
import type { Rank } from './metrics.ts';

/** A SUPPLIES from an external enterprise to a local one, as read/eval/outside-local-supplies gives it. */
interface SupplyLink {
  fromId: string;
  toId: string;
  product: string | null;
  share: number | null;
  origin: string | null;
  buyerAreaIds: string[];
  buyerSegmentIds: string[];
  supplierSegmentIds: string[];
}

/** A supplier–buyer pair held out (all its SUPPLIES, one per product) and the question asked for it. */
interface HeldOut {
  fromId: string;
  toId: string;
  links: SupplyLink[];
  segmentId: string;
  areaId: string | null;
}

export const METHODS = ['product', 'byCustomers', 'largestOutput', 'random'] as const;
export type Method = (typeof METHODS)[number];

export interface RankingEvaluation {
  /** Supplier–buyer pairs from external suppliers to local buyers in the store. */
  pairs: number;
  /** Pairs that can be asked about (the supplier operates in some segment). */
  askable: number;
  heldOutPerSplit: number[];
  /** Per held-out pair over all splits, the rank each method gives the true supplier. */
  ranks: Record<Method, Rank[]>;
  /** Share of held-out pairs whose true supplier operates in the segment asked for (not only a sibling). */
  trueInSegment: number;
  /** Mean number of candidates per question. */
  meanCandidates: number;
  /** The weights fitted in each split (empty when not fitting). */
  fittedPerSplit: CandidateWeights[];
  /** With an oracle: the ranks over the held-out links the generator drew, per method and for the oracle. */
  drawn: Record<Method | 'oracle', Rank[]> | null;
}

export interface EvaluationOptions {
  seeds: number;
  /** Share of the pairs held out in each split. */
  holdOut: number;
  weights?: Overrides<CandidateWeights> | null;
  /**
   * For generated data: the generator's own odds, as the buyer's turn began, that it drew each candidate
   * as this buyer's supplier (null for a link it did not draw, such as the seed graph's). Ranking by them,
   * over the links the generator drew, is the best any ranking can do there.
   */
  oracle?: (supplierId: string, buyerId: string) => ((candidateId: string) => number) | null;
  log?: (line: string) => void;
  /**
   * Rank as the product does by default: with the weights fitted on the links the store holds once the
   * split's are removed (fitted-weights.ts), `weights` overriding them; false: `weights` over the documented defaults.
   */
  fit: boolean;
}

/**
 * Held-out link prediction for the supplier ranking. For each split (seeded),
 * a share of the supplier–buyer pairs from external suppliers to local buyers
 * is removed from the store; for each removed pair the product's ranking
 * (rankCandidates, the service supplierCandidates pages) is asked for the
 * supplier's segment that feeds the buyer's (or is the buyer's) and the buyer's
 * area, and the true supplier's rank is recorded — and, over the same
 * candidates, its rank by number of customers, by largest output in the
 * segment and at random (ties in baselines broken at random). The removed
 * SUPPLIES are written back after each split: run it on a copy of real data.
 */
export async function evaluateRanking(store: Store, options: EvaluationOptions): Promise<RankingEvaluation> {
  const weights = resolveWeights(options.weights);
  const links = await store.run<SupplyLink>('read/eval/outside-local-supplies', {});
  const feeds = new Set((await store.run<{ fromId: string; toId: string }>('read/eval/feeds', {})).map((f) => `${f.fromId}>${f.toId}`));
  const byPair = new Map<string, SupplyLink[]>();
  for (const l of links) {
    const key = `${l.fromId}\u0000${l.toId}`;
    byPair.set(key, [...(byPair.get(key) ?? []), l]);
  }
  const pairs: HeldOut[] = [];
  for (const group of byPair.values()) {
    const l = group[0]!;
    const q = questionFor(l.supplierSegmentIds, l.buyerSegmentIds, l.buyerAreaIds, (from, to) => feeds.has(`${from}>${to}`));
    if (q) pairs.push({ fromId: l.fromId, toId: l.toId, links: group, ...q });
  }
  // In id order, so that a split holds out the same pairs whatever order the store lists SUPPLIES in (it changes as they are written back).
  pairs.sort((a, b) => (a.fromId < b.fromId ? -1 : a.fromId > b.fromId ? 1 : a.toId < b.toId ? -1 : a.toId > b.toId ? 1 : 0));
  const ranks: Record<Method, Rank[]> = { product: [], byCustomers: [], largestOutput: [], random: [] };
  const heldOutPerSplit: number[] = [];
  const oracle = options.oracle;
  const drawn: Record<Method | 'oracle', Rank[]> | null = oracle ? { product: [], byCustomers: [], largestOutput: [], random: [], oracle: [] } : null;
  const fittedPerSplit: CandidateWeights[] = [];
  let inSegment = 0;
  let candidates = 0;
  for (let seed = 1; seed <= options.seeds; seed++) {
    const rng = new Rng(mix(seed, hashString('held-out split')));
    const order = pairs.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const held = order.slice(0, Math.round(options.holdOut * pairs.length)).map((i) => pairs[i]!);
    heldOutPerSplit.push(held.length);
    await store.transaction(async (tx) => {
      for (const p of held) await tx.run('write/enterprises/remove-supplies', { fromId: p.fromId, toId: p.toId, product: null });
    });
    try {
      let splitWeights = weights;
      if (options.fit) {
        // The product's own fit, on the store as it is now: the split's links are already removed, so they never inform the weights.
        const fitted = await fittedWeightsReady(store);
        if (fitted.links !== null && fitted.links !== pairs.length - held.length)
          throw new Error(`the fit read ${fitted.links} links, not the ${pairs.length - held.length} left after holding out ${held.length}`);
        splitWeights = resolveWeights(options.weights, fitted.weights);
        options.log?.(
          fitted.fitted
            ? `  split ${seed}: weights fitted on ${fitted.links} links (${fitted.questions} asked, MRR there ${fitted.mrrDefault!.toFixed(3)} with the defaults → ` +
                `${fitted.mrrFitted!.toFixed(3)}) in ${(fitted.ms / 1000).toFixed(1)} s: ${JSON.stringify(fitted.weights)}`
            : `  split ${seed}: default weights (${fitted.reason})`,
        );
        fittedPerSplit.push(fitted.weights);
      }
      for (const p of held) {
        const ranking = await rankCandidates(store, [p.segmentId], p.areaId, splitWeights);
        const r = rankAll(ranking.ranked, p.fromId, rng);
        for (const m of METHODS) ranks[m].push(r[m]);
        const odds = oracle?.(p.fromId, p.toId);
        if (odds && drawn) {
          for (const m of METHODS) drawn[m].push(r[m]);
          drawn.oracle.push(rankBy(ranking.ranked, p.fromId, (c) => odds(c.facts.id), rng));
        }
        const truth = ranking.ranked.find((c) => c.facts.id === p.fromId);
        if (truth?.facts.direct) inSegment++;
        candidates += ranking.ranked.length;
      }
    } finally {
      await store.run('write/generate/supplies', {
        rows: held.flatMap((p) => p.links.map((l) => ({ from: l.fromId, to: l.toId, product: l.product, share: l.share, origin: l.origin }))),
      });
    }
    options.log?.(`  split ${seed}: ${held.length} pairs held out`);
  }
  const asked = ranks.product.length;
  return {
    pairs: byPair.size,
    askable: pairs.length,
    heldOutPerSplit,
    ranks,
    trueInSegment: asked ? inSegment / asked : NaN,
    meanCandidates: asked ? candidates / asked : NaN,
    drawn,
    fittedPerSplit,
  };
}

/** 1-based position of `id` in the list sorted by `key` descending (ties at random), or null when absent. */
function rankBy(list: readonly RankedCandidate[], id: string, key: (c: RankedCandidate) => number, rng: Rng): Rank {
  const keyed = list.map((c) => ({ id: c.facts.id, k: key(c), tie: rng.next() }));
  keyed.sort((a, b) => b.k - a.k || a.tie - b.tie);
  const i = keyed.findIndex((c) => c.id === id);
  return i < 0 ? null : i + 1;
}

function rankAll(ranked: readonly RankedCandidate[], id: string, rng: Rng): Record<Method, Rank> {
  const i = ranked.findIndex((c) => c.facts.id === id);
  return {
    product: i < 0 ? null : i + 1,
    byCustomers: rankBy(ranked, id, (c) => c.facts.customers, rng),
    // In-segment producers first, each group by output (unknown last).
    largestOutput: rankBy(ranked, id, (c) => (c.facts.direct ? 1e12 : 0) + (c.facts.output ?? -1), rng),
    random: rankBy(ranked, id, () => 0, rng),
  };
}
