import { describe, expect, it } from 'vitest';
import { SyntheticGraph } from '../../server/services/generate/generate.ts';
import { CONTRAST_SHAPE, PLAN_SHAPE } from '../../server/services/generate/shapes.ts';

/** The contrast shape (issue 14) differs from the tiers' in regional mix, segment sizes and supplier rules; both are deterministic. */
describe('generator shapes', () => {
  const regionShare = (g: SyntheticGraph) => {
    const n = [0, 0, 0, 0];
    for (let i = 0; i < g.enterprises; i++) n[g.region[i]!]!++;
    return n.map((x) => x / g.enterprises);
  };
  const largestSegmentShare = (g: SyntheticGraph) => {
    const counts = new Map<number, number>();
    for (let i = 0; i < g.enterprises; i++) counts.set(g.primary[i]!, (counts.get(g.primary[i]!) ?? 0) + 1);
    return Math.max(...counts.values()) / g.enterprises;
  };

  it('contrast: more local and other-province firms, a few much larger segments, deterministic', () => {
    const plan = new SyntheticGraph({ enterprises: 4000, supplies: 8000, seed: 5, shape: PLAN_SHAPE });
    const contrast = new SyntheticGraph({ enterprises: 4000, supplies: 8000, seed: 5, shape: CONTRAST_SHAPE });
    const [local, , , other] = regionShare(contrast);
    expect(local).toBeCloseTo(0.2, 1);
    expect(other).toBeCloseTo(0.5, 1);
    expect(regionShare(plan)[0]).toBeCloseTo(0.12, 1);
    expect(largestSegmentShare(contrast)).toBeGreaterThan(2 * largestSegmentShare(plan));
    const again = new SyntheticGraph({ enterprises: 4000, supplies: 8000, seed: 5, shape: CONTRAST_SHAPE });
    expect([...again.supplyRows()]).toEqual([...contrast.supplyRows()]);
  });

  // Who buys from whom: the share of links into a group of similar buyers whose supplier also supplies another buyer of the group.
  const sharedWithin = (g: SyntheticGraph, group: (b: number) => number) => {
    const buyersOf = new Map<string, Set<number>>();
    const links: [string, number][] = [];
    for (const r of g.supplyRows()) {
      const b = Number(r.to.slice(-7));
      const key = `${r.from}|${group(b)}`;
      buyersOf.set(key, (buyersOf.get(key) ?? new Set()).add(b));
      links.push([key, b]);
    }
    return links.filter(([key]) => buyersOf.get(key)!.size > 1).length / links.length;
  };

  it('plan: buyers in the same area share suppliers (place-based input sharing), far more than without sharing', () => {
    const sharing = new SyntheticGraph({ enterprises: 3000, supplies: 12000, seed: 2, shape: PLAN_SHAPE });
    const none = new SyntheticGraph({ enterprises: 3000, supplies: 12000, seed: 2, shape: { ...PLAN_SHAPE, share: 0 } });
    const byArea = (g: SyntheticGraph) => (b: number) => g.area[b]!;
    expect(sharedWithin(sharing, byArea(sharing))).toBeGreaterThan(sharedWithin(none, byArea(none)) + 0.2);
  });

  it('contrast: buyers of the same segment and region share suppliers, far more than without sharing', () => {
    const sharing = new SyntheticGraph({ enterprises: 3000, supplies: 12000, seed: 2, shape: CONTRAST_SHAPE });
    const none = new SyntheticGraph({ enterprises: 3000, supplies: 12000, seed: 2, shape: { ...CONTRAST_SHAPE, share: 0 } });
    const bySegmentRegion = (g: SyntheticGraph) => (b: number) => g.primary[b]! * 4 + g.region[b]!;
    expect(sharedWithin(sharing, bySegmentRegion(sharing))).toBeGreaterThan(sharedWithin(none, bySegmentRegion(none)) + 0.2);
  });

  it('nearer suppliers are likelier: local buyers find more of their new suppliers in 安徽 with distance decay than without', () => {
    const anhuiShare = (g: SyntheticGraph) => {
      let n = 0;
      let anhui = 0;
      for (const r of g.supplyRows()) {
        const a = Number(r.from.slice(-7));
        const b = Number(r.to.slice(-7));
        if (g.region[b] !== 0 || g.region[a] === 0) continue;
        n++;
        if (g.region[a] === 1) anhui++;
      }
      return anhui / n;
    };
    const shape = { ...PLAN_SHAPE, share: 0 };
    const near = new SyntheticGraph({ enterprises: 3000, supplies: 12000, seed: 3, shape });
    const flat = new SyntheticGraph({ enterprises: 3000, supplies: 12000, seed: 3, shape: { ...shape, distanceDecay: 1 } });
    expect(anhuiShare(near)).toBeGreaterThan(anhuiShare(flat) + 0.1);
  });

  it("drawOdds: the generator's own odds for a traced local buyer sum to about 1 over all enterprises and are 0 outside the segments drawn", () => {
    for (const shape of [PLAN_SHAPE, CONTRAST_SHAPE]) {
      const g = new SyntheticGraph({ enterprises: 1500, supplies: 6000, seed: 4, shape });
      const trace = g.traceDraws();
      const local = [...trace.at.keys()];
      expect(local.length).toBeGreaterThan(50);
      for (const b of local.slice(0, 20)) {
        const odds = g.drawOdds(trace, b)!;
        let sum = 0;
        for (let x = 0; x < g.enterprises; x++) sum += odds(x);
        expect(sum).toBeGreaterThan(0.95);
        expect(sum).toBeLessThan(1 + 1e-9);
      }
      expect(g.drawOdds(trace, -1)).toBeNull(); // not traced
    }
  });
});
