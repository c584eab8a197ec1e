import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GapAnalysis, SupplierCandidate } from '../api.ts';
import { candidateColumns, candidateHighlightIds, exportFileName, pathElements } from './candidates.ts';
import { buildCsv } from '../export/csv.ts';
import { debounce } from './debounce.ts';
import { mapGaps, segmentDecorations } from './map-model.ts';
import { formatAmount, groupTargets, isBehind, progressPercent } from './targets.ts';

const analysis = {
  chainId: 'chain:x',
  areaId: null,
  segments: [
    { segmentId: 's1', localCount: 0, localOutput: 0, presence: 'absent' },
    { segmentId: 's2', localCount: 1, localOutput: 20_000, presence: 'weak' },
    { segmentId: 's3', localCount: 5, localOutput: 900_000, presence: 'strong' },
  ],
  gaps: [
    { id: 'g-fill', kind: 'FILL', segmentId: 's1', severity: 80 },
    { id: 'g-str', kind: 'STRENGTHEN', segmentId: 's2', severity: 40 },
    { id: 'g-str1', kind: 'STRENGTHEN', segmentId: 's1', severity: 10 },
  ],
  undetectedSavedGaps: [
    { id: 'saved-ext', kind: 'EXTEND', status: 'OPEN', segmentId: 's3' },
    { id: 'saved-done', kind: 'FILL', status: 'FILLED', segmentId: 's3' },
  ],
  counts: { fill: 1, extend: 0, strengthen: 2 },
} as unknown as GapAnalysis;

describe('map model', () => {
  it('colours by strength and marks the most severe gap per segment', () => {
    expect(Object.fromEntries([...segmentDecorations(analysis)].map(([id, d]) => [id, [d.strength, d.gapKind, d.gapId]]))).toEqual({
      s1: ['none', 'fill', 'g-fill'],
      s2: ['weak', 'strengthen', 'g-str'],
      s3: ['strong', 'extend', 'saved-ext'],
    });
  });

  it('lists detected gaps and open saved ones, not filled ones', () => {
    expect(mapGaps(analysis).map((g) => `${g.kind}:${g.id}`)).toEqual(['fill:g-fill', 'strengthen:g-str', 'strengthen:g-str1', 'extend:saved-ext']);
  });
});

const candidate = {
  rank: 1,
  enterpriseId: 'ent:9',
  name: '苏州示例德和电控股份有限公司',
  uscc: '91320500MAKPQCMC9X',
  region: 'yrd',
  province: '江苏省',
  city: '苏州市',
  output: 300542,
  aboveScale: true,
  tags: ['专精特新'],
  sample: true,
  segmentIds: ['seg:bms'],
  segmentNames: ['新能源电池管理系统BMS'],
  score: 76.44,
  components: [
    { name: 'segmentFit', value: 1, weight: 45, points: 45, detail: 'same segment' },
    { name: 'region', value: 0.6, weight: 3, points: 1.8, detail: 'yrd' },
  ],
  reasonZh: '已向本地2家企业供货',
  reasonEn: 'Supplies 2 local buyers',
  path: { nodeIds: ['ent:9', 'seg:bms', 'ent:1'], edgeIds: ['SUPPLIES:ent:9->ent:1'] },
} as unknown as SupplierCandidate;

describe('candidates', () => {
  it('highlights the candidate and its explanation path once each', () => {
    expect(candidateHighlightIds(candidate)).toEqual(['ent:9', 'seg:bms', 'ent:1', 'SUPPLIES:ent:9->ent:1']);
  });

  it('takes only path nodes and path edges from a neighbourhood', () => {
    const n = (id: string) => ({ id, label: 'X', name: id, properties: {} });
    const e = (s: string, t: string, type = 'SUPPLIES') => ({ id: `${type}:${s}->${t}`, type, source: s, target: t, properties: {} });
    const picked = pathElements(candidate, {
      nodes: [n('ent:9'), n('ent:1'), n('ent:7')],
      edges: [e('ent:9', 'ent:1'), e('ent:9', 'ent:7'), e('ent:9', 'ent:1', 'OTHER')],
    });
    expect(picked.nodes.map((x) => x.id)).toEqual(['ent:9', 'ent:1']);
    expect(picked.edges.map((x) => x.id)).toEqual(['SUPPLIES:ent:9->ent:1']);
  });

  it('builds the 招商清单 CSV with translated regions, the points of each component under the names the panel and the .xlsx use, and the sample flag', () => {
    const [header, row] = buildCsv(candidateColumns('zh'), [candidate]).slice(1).split('\r\n');
    expect(header).toBe(
      '排名,企业名称,统一社会信用代码,所在地区,区域,产值（万元）,规上企业,资质标签,所属环节,综合得分,环节匹配,已向本地供货,供货本地同类买方,客户数量,规模,地区,资质,他处链主,推荐理由,数据说明',
    );
    expect(row).toBe(
      '1,苏州示例德和电控股份有限公司,91320500MAKPQCMC9X,江苏省 苏州市,长三角,300542,是,专精特新,新能源电池管理系统BMS,76.44,45,0,0,0,0,1.8,0,0,已向本地2家企业供货,示例数据',
    );
    expect(buildCsv(candidateColumns('en'), [candidate])).toContain('Yangtze River Delta');
  });

  it('makes safe file names', () => {
    expect(exportFileName(['招商清单', '车身结构件(压铸一体化)', '巢湖市', null], 'csv')).toBe('招商清单-车身结构件(压铸一体化)-巢湖市.csv');
    expect(exportFileName(['a/b: c'], 'xlsx')).toBe('a_b_c.xlsx');
  });
});

describe('targets', () => {
  it('clamps bar widths and keeps unknown unknown', () => {
    expect([progressPercent(0.456), progressPercent(1.7), progressPercent(-1), progressPercent(null)]).toEqual([45.6, 100, 0, null]);
  });

  it('warns when behind a straight-line pace to the deadline', () => {
    const mid = new Date('2025-07-02');
    expect(isBehind(0.3, '2026-12-31', mid)).toBe(true);
    expect(isBehind(0.6, '2026-12-31', mid)).toBe(false);
    expect(isBehind(null, '2026-12-31', mid)).toBe(false);
  });

  it('groups in first-seen order and formats amounts', () => {
    const tp = (group: string) => ({ target: { group } }) as never;
    expect(groupTargets([tp('规模总量'), tp('产业集聚'), tp('规模总量')]).map((g) => [g.group, g.targets.length])).toEqual([
      ['规模总量', 2],
      ['产业集聚', 1],
    ]);
    expect([formatAmount(800, '亿元'), formatAmount(12.345, '%'), formatAmount(null, '家')]).toEqual(['800亿元', '12.35%', '—']);
  });
});

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  it('calls once with the last arguments, and not after cancel', () => {
    const calls: string[] = [];
    const f = debounce((s: string) => calls.push(s), 250);
    f('铸');
    f('铸锻');
    vi.advanceTimersByTime(249);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['铸锻']);
    f('x');
    f.cancel();
    vi.advanceTimersByTime(500);
    expect(calls).toEqual(['铸锻']);
  });
});
