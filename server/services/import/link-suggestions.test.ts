import { describe, expect, it } from 'vitest';
import { suggestSegments } from './link-suggestions.ts';

const mapping = [
  { segmentId: 's:cast', name: '铸件', industryCodes: ['C339'], keywords: ['铸件', '压铸'] },
  { segmentId: 's:al', name: '铝材', industryCodes: ['3216'], keywords: ['铝型材'] },
];

describe('suggestSegments (挂链)', () => {
  it('matches code prefixes and keywords, with combined strength and evidence', () => {
    expect(suggestSegments({ industryCode: 'C3391', mainProducts: '汽车压铸件', businessScope: null }, mapping, new Set())).toEqual([
      { segmentId: 's:cast', segmentName: '铸件', strength: 0.99, evidence: ['行业代码 C3391 属于 339', '主营产品含「铸件」', '主营产品含「压铸」'] },
    ]);
    expect(suggestSegments({ industryCode: null, mainProducts: null, businessScope: '铝型材加工、销售' }, mapping, new Set())).toEqual([
      { segmentId: 's:al', segmentName: '铝材', strength: 0.5, evidence: ['经营范围含「铝型材」'] },
    ]);
    expect(suggestSegments({ industryCode: 'C3391', mainProducts: null, businessScope: null }, mapping, new Set(['s:cast']))).toEqual([]);
  });
});
