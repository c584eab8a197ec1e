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

  it('contrast: imitation makes suppliers popular with similar buyers more popular (a more skewed customer count)', () => {
    const top = (g: SyntheticGraph) => {
      const customers = new Map<string, number>();
      let n = 0;
      for (const r of g.supplyRows()) customers.set(r.from, (customers.get(r.from) ?? 0) + 1), n++;
      const sorted = [...customers.values()].sort((a, b) => b - a);
      return sorted.slice(0, Math.ceil(sorted.length / 100)).reduce((x, y) => x + y, 0) / n;
    };
    const plan = new SyntheticGraph({ enterprises: 3000, supplies: 12000, seed: 2, shape: { ...CONTRAST_SHAPE, imitate: 0 } });
    const imitating = new SyntheticGraph({ enterprises: 3000, supplies: 12000, seed: 2, shape: CONTRAST_SHAPE });
    expect(top(imitating)).toBeGreaterThan(top(plan));
  });

  it('supplierWeight: the draw weight in a segment, 0 outside it', () => {
    const g = new SyntheticGraph({ enterprises: 50, supplies: 0, seed: 1 });
    const seg = g.skeleton.segments[g.primary[0]!]!.id;
    expect(g.supplierWeight(0, seg)).toBeCloseTo(Math.sqrt(g.output[0]!), 10);
    const other = g.skeleton.segments.find((s, i) => i !== g.primary[0] && i !== g.second[0])!.id;
    expect(g.supplierWeight(0, other)).toBe(0);
  });
});
