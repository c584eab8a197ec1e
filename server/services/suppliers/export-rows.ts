import { COMPONENT_ORDER, type ComponentName } from './weights.ts';
import type { SupplierCandidate } from './types.ts';
import { REGION_ZH } from './wording.ts';

/** Column names of the score components: the names the UI shows beside each candidate (client/i18n.ts component.*). */
export const COMPONENT_COLUMN: Record<ComponentName, string> = {
  segmentFit: '环节匹配',
  suppliesLocal: '已向本地供货',
  suppliesPeers: '供货本地同类买方',
  customers: '客户数量',
  scale: '规模',
  region: '地区',
  qualifications: '资质',
  leaderElsewhere: '他处链主',
};

/**
 * Rows for the 招商清单 CSV/xlsx export, with Chinese headers in a fixed column
 * order: 综合得分 then the points each component adds to it (so they add up to
 * 综合得分 within rounding), under the names the UI uses.
 */
export function candidateRows(candidates: SupplierCandidate[]): Record<string, string | number>[] {
  return candidates.map((c) => {
    const points = Object.fromEntries(COMPONENT_ORDER.map((name) => [COMPONENT_COLUMN[name], c.components.find((x) => x.name === name)?.points ?? 0]));
    return {
      排名: c.rank,
      企业名称: c.name,
      统一社会信用代码: c.uscc ?? '',
      所在地区: [c.province, c.city].filter(Boolean).join(' '),
      区域: c.region ? (REGION_ZH[c.region] ?? c.region) : '',
      '产值（万元）': c.output ?? '',
      规上企业: c.aboveScale == null ? '' : c.aboveScale ? '是' : '否',
      资质标签: c.tags.join('、'),
      所属环节: c.segmentNames.join('、'),
      综合得分: c.score,
      ...points,
      推荐理由: c.reasonZh,
      数据说明: c.sample ? '示例数据' : '',
    };
  });
}
