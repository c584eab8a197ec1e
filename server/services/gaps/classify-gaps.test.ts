import { describe, expect, it } from 'vitest';
import { GAP_KINDS } from '../../model/gap-kinds.ts';
import { classifyGaps, DEFAULT_THRESHOLDS, GAP_RULES, segmentFacts, type SegmentFactsRow } from './classify-gaps.ts';

const row = (
  id: string,
  feedsFrom: string[],
  feedsTo: string[],
  locals: [string, number][] = [],
  supplies: SegmentFactsRow['supplies'] = [],
): SegmentFactsRow => ({
  id,
  name: id,
  nameEn: null,
  stage: null,
  chainIds: ['c'],
  feedsFrom,
  feedsTo,
  locals: locals.map(([lid, output]) => ({ id: lid, name: lid, output, role: 'core', leader: false })),
  supplies,
});

describe('segmentFacts', () => {
  it('computes the outside share as Σ outside share / Σ all shares into local buyers', () => {
    const f = segmentFacts(
      row(
        's',
        [],
        [],
        [
          ['l1', 100000],
          ['l2', 100000],
        ],
        [
          { from: 'x', fromName: 'x', to: 'b', toName: 'b', share: 0.6, product: null, inside: false },
          { from: 'l1', fromName: 'l1', to: 'b', toName: 'b', share: 0.2, product: null, inside: true },
        ],
      ),
      DEFAULT_THRESHOLDS,
    );
    expect(f).toMatchObject({ outsideShare: 0.75, presence: 'weak', externalSupplierIds: ['x'], localBuyerIds: ['b'] });
  });
  it('ignores the null entries an OPTIONAL MATCH collects', () => {
    const f = segmentFacts({ ...row('s', [], []), locals: [null as never], supplies: [null as never] }, DEFAULT_THRESHOLDS);
    expect(f).toMatchObject({ localCount: 0, outsideShare: null, presence: 'absent' });
  });
});

describe('classifyGaps precedence', () => {
  const facts = (rows: SegmentFactsRow[]) => new Map(rows.map((r) => [r.id, segmentFacts(r, DEFAULT_THRESHOLDS)]));
  it('an absent segment between two local ones is 补链 even without supplies', () => {
    const f = facts([row('up', [], ['hole'], [['a', 1]]), row('hole', ['up'], ['down']), row('down', ['hole'], [], [['b', 1]])]);
    expect(classifyGaps(f, ['hole'], null, DEFAULT_THRESHOLDS).map((g) => [g.id, g.kind])).toEqual([['gap:fill:hole:all', 'fill']]);
  });
  it('an absent segment beyond a local end is 延链 (stronger neighbours, higher severity); with no local neighbour no gap', () => {
    const f = facts([
      row(
        'strong',
        [],
        ['next'],
        [
          ['a', 60000],
          ['b', 60000],
        ],
      ),
      row('next', ['strong'], []),
      row('weak', [], ['after-weak'], [['c', 10]]),
      row('after-weak', ['weak'], []),
      row('lonely', [], []),
    ]);
    const gaps = classifyGaps(f, ['next', 'after-weak', 'lonely'], 'area:x', DEFAULT_THRESHOLDS);
    expect(gaps.map((g) => [g.id, g.kind, g.severity])).toEqual([
      ['gap:extend:next:area:x', 'extend', 100],
      ['gap:extend:after-weak:area:x', 'extend', 20],
    ]);
  });
});

describe('GAP_RULES', () => {
  it('has one rule per gap kind, in precedence order: 强链 for a weak present segment, then 补链, then 延链', () => {
    expect(GAP_RULES.map((r) => r.kind)).toEqual(['strengthen', 'fill', 'extend']);
    expect(GAP_RULES.map((r) => r.kind).sort()).toEqual([...GAP_KINDS].sort());
  });
});
