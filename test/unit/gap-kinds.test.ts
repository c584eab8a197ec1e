import { describe, expect, it } from 'vitest';
import { GAP_KIND_TABLE, GAP_KINDS, gapId, gapKindZh, parseGapId } from '../../server/model/gap-kinds.ts';

describe('gap kinds table', () => {
  it('gapId and parseGapId are inverse for every kind, area scope or all', () => {
    for (const kind of GAP_KINDS) {
      expect(parseGapId(gapId(kind, 'seg:bms', 'area:chaohu'))).toEqual({ kind, segmentId: 'seg:bms', areaId: 'area:chaohu' });
      expect(parseGapId(gapId(kind, 'seg:bms', null))).toEqual({ kind, segmentId: 'seg:bms', areaId: null });
    }
  });

  it('parses the ids an imported city makes: segment and area ids with more than one colon', () => {
    // Imports name segments seg:import:<chain>:<n> and areas without a division code area:import:<name>.
    expect(parseGapId(gapId('fill', 'seg:import:轻合金:4', 'area:import:白沙镇'))).toEqual({
      kind: 'fill',
      segmentId: 'seg:import:轻合金:4',
      areaId: 'area:import:白沙镇',
    });
    expect(parseGapId(gapId('extend', 'seg:code:C3670', 'area:991102'))).toEqual({ kind: 'extend', segmentId: 'seg:code:C3670', areaId: 'area:991102' });
    expect(parseGapId(gapId('strengthen', 'seg:all', null))).toEqual({ kind: 'strengthen', segmentId: 'seg:all', areaId: null });
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
