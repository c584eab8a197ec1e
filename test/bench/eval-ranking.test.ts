import { describe, expect, it } from 'vitest';
import { bootstrap, metrics, mrrDifference } from '../../bench/eval/metrics.ts';
import { evaluateRanking } from '../../bench/eval/ranking-eval.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';
import { DEFAULT_WEIGHTS } from '../../server/services/suppliers/weights.ts';

describe('ranking evaluation (npm run eval -- ranking)', () => {
  it('metrics: hits, MRR, coverage; hits@10 among covered questions', () => {
    expect(metrics([1, 2, 20, null])).toEqual({ hits1: 0.25, hits10: 0.5, hits10Covered: 2 / 3, mrr: (1 + 0.5 + 0.05) / 4, coverage: 0.75 });
  });

  it('bootstrap intervals contain the point value; a method always better than another has a positive paired difference', () => {
    const a = Array.from({ length: 200 }, (_, i) => (i % 3) + 1);
    const b = a.map((r) => r + 2);
    const ci = bootstrap({ a, b }, 300);
    expect(ci.a!.mrr.low).toBeLessThanOrEqual(ci.a!.mrr.value);
    expect(ci.a!.mrr.high).toBeGreaterThanOrEqual(ci.a!.mrr.value);
    expect(ci.a!.mrr.low).toBeGreaterThan(ci.b!.mrr.high);
    expect(mrrDifference(a, b, 300).low).toBeGreaterThan(0);
  });

  it('on the seed graph: asks the product ranking for every held-out link, ranks every method, and writes the links back', async () => {
    const store = EmbeddedStore.open(':memory:');
    try {
      await store.applySchema();
      await loadSeeds(store);
      const before = await store.run('read/eval/outside-local-supplies', {});
      const ev = await evaluateRanking(store, { seeds: 2, holdOut: 0.2, fit: true });
      expect(ev.pairs).toBeGreaterThan(50);
      expect(ev.heldOutPerSplit).toEqual([Math.round(ev.askable * 0.2), Math.round(ev.askable * 0.2)]);
      for (const m of ['product', 'byCustomers', 'largestOutput', 'random'] as const) expect(ev.ranks[m].length).toBe(ev.heldOutPerSplit[0]! * 2);
      // each split ranked with the product's fit on the links left in the store (the evaluation stops unless the fit read exactly those)
      expect(ev.fittedPerSplit.length).toBe(2);
      for (const w of ev.fittedPerSplit) expect(w).not.toEqual(DEFAULT_WEIGHTS);
      // the true supplier operates in the segment asked, so it is always a candidate
      expect(ev.ranks.product.every((r) => r != null && r >= 1)).toBe(true);
      const sort = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();
      expect(sort(await store.run('read/eval/outside-local-supplies', {}))).toEqual(sort(before));
    } finally {
      await store.close();
    }
  });
});
