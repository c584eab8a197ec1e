import { describe, expect, it } from 'vitest';
import { GAP_KIND_TABLE, GAP_KINDS, gapId, gapKindZh, parseGapId } from '../../server/model/gap-kinds.ts';

describe('gap kinds table', () => {
  it('gapId and parseGapId are inverse for every kind, area scope or all', () => {
    for (const kind of GAP_KINDS) {
      expect(parseGapId(gapId(kind, 'seg:bms', 'area:chaohu'))).toEqual({ kind, segmentId: 'seg:bms', areaId: 'area:chaohu' });
      expect(parseGapId(gapId(kind, 'seg:bms', null))).toEqual({ kind, segmentId: 'seg:bms', areaId: null });
    }
  });

  it('refuses what is not a gap id', () => {
    expect(parseGapId('gap:repair:seg:bms:all')).toBeNull();
    expect(parseGapId('seg:bms')).toBeNull();
  });

  it('names each kind in Chinese and has one display position per kind', () => {
    expect(GAP_KINDS.map(gapKindZh)).toEqual(['补链', '延链', '强链']);
    expect(gapKindZh('unknown')).toBe('unknown');
    expect(new Set(GAP_KIND_TABLE.map((k) => k.order)).size).toBe(GAP_KIND_TABLE.length);
  });
});
