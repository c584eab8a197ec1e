import { describe, expect, it } from 'vitest';
import { compareRanked, poolStats, rawScore, componentValues, scoreComponents, type ScoreFacts } from '../../server/services/suppliers/score.ts';
import { DEFAULT_WEIGHTS, resolveWeights } from '../../server/services/suppliers/weights.ts';

/**
 * The ranking rules issue 14 asked for, on facts alone (no store): each case was
 * how the former ranking went wrong on real data.
 */
const base: ScoreFacts = {
  id: 'ent:a',
  name: '甲',
  region: 'yrd',
  output: 5000,
  aboveScale: true,
  tags: [],
  leaderRole: false,
  direct: true,
  localBuyers: 0,
  peerBuyers: 0,
  peerAffinity: 0,
  customers: 0,
};
const fact = (over: Partial<ScoreFacts>): ScoreFacts => ({ ...base, ...over });

function rank(facts: ScoreFacts[]): string[] {
  const pool = poolStats(facts);
  return facts
    .map((f) => ({ facts: f, raw: rawScore(componentValues(f, pool), DEFAULT_WEIGHTS) }))
    .sort(compareRanked)
    .map((c) => c.facts.id);
}

describe('supplier candidate score', () => {
  it('evidence is not capped: 3, 8 and 40 customers or local buyers score apart (the former score capped at 2 local / 3 peer buyers)', () => {
    const facts = [3, 8, 40].map((n, i) => fact({ id: `ent:${i}`, customers: n, localBuyers: n }));
    const pool = poolStats(facts);
    const values = facts.map((f) => componentValues(f, pool));
    expect(values.map((v) => v.customers)).toEqual([Math.log1p(3) / Math.log1p(40), Math.log1p(8) / Math.log1p(40), 1]);
    expect(new Set(values.map((v) => v.suppliesLocal)).size).toBe(3);
    expect(rank(facts)).toEqual(['ent:2', 'ent:1', 'ent:0']);
  });

  it('an in-segment producer outranks a neighbouring-segment firm that is nearer and larger with the same evidence', () => {
    const inSegment = fact({ id: 'ent:far', region: 'other', output: 800, customers: 2 });
    const sibling = fact({ id: 'ent:near', region: 'anhui', output: 90_000, direct: false, customers: 2, tags: ['专精特新', '小巨人'] });
    expect(rank([sibling, inSegment])).toEqual(['ent:far', 'ent:near']);
  });

  it('...unless the evidence says otherwise: a sibling supplying many like the local buyers goes first', () => {
    const inSegment = fact({ id: 'ent:in', customers: 0 });
    const sibling = fact({ id: 'ent:sib', direct: false, customers: 60, peerBuyers: 40, peerAffinity: 40, localBuyers: 5 });
    expect(rank([inSegment, sibling])).toEqual(['ent:sib', 'ent:in']);
  });

  it('unknown output and region are neutral, not zero', () => {
    const facts = [
      fact({ id: 'ent:s', output: 10 }),
      fact({ id: 'ent:m', output: 1000 }),
      fact({ id: 'ent:l', output: 100_000 }),
      fact({ id: 'ent:u', output: null, region: null }),
    ];
    const pool = poolStats(facts);
    const unknown = componentValues(facts[3]!, pool);
    // the median of the known outputs (1000 万元) on the log scale from the smallest to the largest
    expect(unknown.scale).toBeCloseTo((Math.log1p(1000) - Math.log1p(10)) / (Math.log1p(100_000) - Math.log1p(10)), 10);
    expect(unknown.region).toBe(0.6);
    expect(scoreComponents(facts[3]!, pool, DEFAULT_WEIGHTS).components.find((c) => c.name === 'scale')?.detail).toMatch(/unknown/);
  });

  it('ties break by evidence, then known output, then name — never by id', () => {
    const a = fact({ id: 'ent:1', name: '张家港', customers: 5, localBuyers: 1, peerBuyers: 0 });
    const b = fact({ id: 'ent:2', name: '安庆', customers: 5, localBuyers: 0, peerBuyers: 1 });
    const tie = (x: ScoreFacts, y: ScoreFacts) => compareRanked({ facts: x, raw: 50 }, { facts: y, raw: 50 });
    expect(tie(fact({ ...a, customers: 6 }), b)).toBeLessThan(0);
    expect(tie(fact({ ...a, output: null }), b)).toBeGreaterThan(0);
    // equal in all but name and id: 安庆 (an) before 张家港 (zhang) whatever the ids
    expect(tie(a, b)).toBeGreaterThan(0);
    expect(tie(fact({ ...a, id: 'ent:9' }), fact({ ...b, id: 'ent:0' }))).toBeGreaterThan(0);
  });

  it('points add up to the score and are what the export and the UI show', () => {
    const facts = [
      fact({ id: 'ent:x', customers: 4, localBuyers: 1, peerAffinity: 2, peerBuyers: 2, tags: ['专精特新'] }),
      fact({ id: 'ent:y', customers: 9 }),
    ];
    const { components, score } = scoreComponents(facts[0]!, poolStats(facts), DEFAULT_WEIGHTS);
    expect(components.reduce((n, c) => n + c.points, 0)).toBeCloseTo(score, 1);
    expect(components.map((c) => c.name)).toEqual([
      'segmentFit',
      'suppliesLocal',
      'suppliesPeers',
      'customers',
      'scale',
      'region',
      'qualifications',
      'leaderElsewhere',
    ]);
  });

  it('weights: unknown names and negatives are refused by field', () => {
    expect(() => resolveWeights({ nope: 1 } as never)).toThrow(/weights.nope is not a score component/);
    expect(() => resolveWeights({ region: -1 })).toThrow(/weights.region must be ≥ 0/);
    expect(Object.values(DEFAULT_WEIGHTS).reduce((n, w) => n + w, 0)).toBe(100);
  });
});
