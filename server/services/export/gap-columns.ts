import { gapKindZh } from '../../model/gap-kinds.ts';
import { gapStatusZh } from '../../model/gap-statuses.ts';
import type { SavedGap } from '../gaps/saved-gaps.ts';

/** The units of a saved gap in one role, as one cell. */
export const unitNamesZh = (gap: SavedGap, role: 'lead' | 'support'): string =>
  gap.responsible
    .filter((u) => u.role === role)
    .map((u) => u.unitName)
    .join('、');

/** The columns every gap table shares (the 缺口清单 export, the monthly report's 缺口与线索 sheet). */
export const gapColumnsZh = (gap: SavedGap) => ({
  类型: gapKindZh(gap.kind),
  状态: gapStatusZh(gap.status),
  产业链: gap.chainName ?? '',
  环节: gap.segmentName,
  地区: gap.areaName ?? '全部地区',
  牵头单位: unitNamesZh(gap, 'lead'),
});
