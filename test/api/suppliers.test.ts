import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateRows, DEFAULT_WEIGHTS, scoreCandidate, type CandidateRow, type SupplierCandidate } from '../../server/services/suppliers/rank-supplier-candidates.ts';
import { fixtureApi, type Api } from './gaps-fixture.ts';

const CANDIDATES = `query ($segmentId: ID, $gapId: ID, $areaId: ID, $weights: CandidateWeights, $first: Int, $after: String) {
  supplierCandidates(segmentId: $segmentId, gapId: $gapId, areaId: $areaId, weights: $weights, first: $first, after: $after) {
    segmentIds areaId totalCount endCursor hasNextPage
    candidates { rank enterpriseId score }
  }
}`;

describe('supplierCandidates on the hand-built chain (see gaps-fixture.ts)', () => {
  let api: Api;
  beforeAll(async () => {
    api = await fixtureApi();
  });
  afterAll(() => api.close());

  it('ranks external enterprises for 铸件 with components, reasons and a path to highlight', async () => {
    const res = await api.gql(`{ supplierCandidates(segmentId: "seg:b", areaId: "area:chaohu") {
      totalCount weights { suppliesLocal suppliesPeers region scale qualifications leaderElsewhere segmentFit }
      candidates { rank enterpriseId score segmentNames sample reasonZh reasonEn components { name value weight } path { nodeIds edgeIds } }
    } }`);
    expect(res.errors).toBeUndefined();
    const page = res.data.supplierCandidates;
    expect(page.weights).toEqual({ suppliesLocal: 25, suppliesPeers: 20, region: 15, scale: 15, qualifications: 10, leaderElsewhere: 5, segmentFit: 10 });
    expect(page.candidates.map((c: any) => [c.rank, c.enterpriseId, c.score])).toEqual([
      [1, 'ent:x1', 56.5], // supplies our 丙部件, 安徽, 规上, 专精特新, same segment
      [2, 'ent:x2', 38.3], // 涂层 feeds 零部件 like 铸件 does; supplies our 丁部件; 长三角, 小巨人
      [3, 'ent:x3', 20.5], // supplies 外地部件, a competitor of our 链主 丙部件
    ]);
    expect(page.candidates[0]).toMatchObject({
      segmentNames: ['铸件'],
      sample: true,
      reasonZh: '合肥铸造：从事铸件环节；已向本地丙部件供货；安徽省内；规上企业；专精特新。',
      components: [
        { name: 'suppliesLocal', value: 0.5, weight: 25 },
        { name: 'suppliesPeers', value: 0, weight: 20 },
        { name: 'region', value: 1, weight: 15 },
        { name: 'scale', value: 1, weight: 15 },
        { name: 'qualifications', value: 0.4, weight: 10 },
        { name: 'leaderElsewhere', value: 0, weight: 5 },
        { name: 'segmentFit', value: 1, weight: 10 },
      ],
      path: { nodeIds: ['ent:x1', 'seg:b', 'ent:c1'], edgeIds: ['OPERATES_IN:ent:x1->seg:b', 'SUPPLIES:ent:x1->ent:c1'] },
    });
    expect(page.candidates[1].path).toEqual({
      nodeIds: ['ent:x2', 'seg:e', 'seg:b', 'seg:c', 'ent:c2'],
      edgeIds: ['OPERATES_IN:ent:x2->seg:e', 'FEEDS:seg:e->seg:c', 'FEEDS:seg:b->seg:c', 'SUPPLIES:ent:x2->ent:c2'],
    });
    expect(page.candidates[2].reasonZh).toBe('远方铸造：从事铸件环节；供货给我方链主企业的1家竞争对手；其他地区。');
    expect(page.candidates[2].reasonEn).toBe('远方铸造: operates in Castings; supplies 1 competitor(s) of our 链主; outside the region.');
  });

  it('weights are parameters: counting only competitors supplied puts 远方铸造 first', async () => {
    const weights = { suppliesLocal: 0, suppliesPeers: 1, region: 0, scale: 0, qualifications: 0, leaderElsewhere: 0, segmentFit: 0 };
    const res = await api.gql(CANDIDATES, { segmentId: 'seg:b', areaId: 'area:chaohu', weights });
    expect(res.data.supplierCandidates.candidates[0]).toEqual({ rank: 1, enterpriseId: 'ent:x3', score: 33 });
  });

  it('paginates with first and after', async () => {
    const one = await api.gql(CANDIDATES, { segmentId: 'seg:b', areaId: 'area:chaohu', first: 2 });
    expect(one.data.supplierCandidates).toMatchObject({ totalCount: 3, hasNextPage: true });
    expect(one.data.supplierCandidates.candidates.map((c: any) => c.enterpriseId)).toEqual(['ent:x1', 'ent:x2']);
    const two = await api.gql(CANDIDATES, { segmentId: 'seg:b', areaId: 'area:chaohu', first: 2, after: one.data.supplierCandidates.endCursor });
    expect(two.data.supplierCandidates).toMatchObject({ totalCount: 3, hasNextPage: false, candidates: [{ rank: 3, enterpriseId: 'ent:x3', score: 20.5 }] });
  });

  it('takes a saved gap (plan gap for 铸件 in 巢湖市) or the id of a detected, unsaved gap', async () => {
    const saved = await api.gql(CANDIDATES, { gapId: 'gap:plan:castings' });
    expect(saved.data.supplierCandidates).toMatchObject({ segmentIds: ['seg:b'], areaId: 'area:chaohu', totalCount: 3 });
    const detected = await api.gql(CANDIDATES, { gapId: 'gap:fill:seg:e:area:chaohu' });
    expect(detected.data.supplierCandidates).toMatchObject({ segmentIds: ['seg:e'], areaId: 'area:chaohu' });
    // 合肥铸造 (sibling segment, 安徽, larger) still outranks 上海涂层 (same segment, 长三角) at the default weights
    expect(detected.data.supplierCandidates.candidates.map((c: any) => [c.enterpriseId, c.score])).toEqual([
      ['ent:x1', 51.5],
      ['ent:x2', 43.3],
      ['ent:x3', 15.5],
    ]);
  });

  it('refuses a page over 200 and unknown ids', async () => {
    const big = await api.gql(CANDIDATES, { segmentId: 'seg:b', first: 500 });
    expect(big.errors?.[0]).toMatchObject({ message: 'first must be between 1 and 200', extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    const seg = await api.gql(CANDIDATES, { segmentId: 'seg:nope' });
    expect(seg.errors?.[0]).toMatchObject({ message: "Segment 'seg:nope' not found", extensions: { code: 'NOT_FOUND' } });
    const gap = await api.gql(CANDIDATES, { gapId: 'gap:nope' });
    expect(gap.errors?.[0]).toMatchObject({ message: "Gap 'gap:nope' not found", extensions: { code: 'NOT_FOUND' } });
  });
});

describe('candidateRows (for the 招商清单 export)', () => {
  it('gives one row per candidate with Chinese headers; a component left out (unknown input) is a blank cell, not 0', () => {
    const c: SupplierCandidate = {
      rank: 1, enterpriseId: 'ent:x1', name: '合肥铸造有限公司', shortName: '合肥铸造', uscc: '91340100MA2XXXXXX1', region: 'anhui',
      province: '安徽省', city: '合肥市', output: 120000, aboveScale: true, tags: ['专精特新'], sample: true,
      segmentIds: ['seg:b'], segmentNames: ['铸件'], score: 56.5,
      components: [{ name: 'suppliesLocal', value: 0.5, weight: 25, detail: '' }],
      reasonZh: '合肥铸造：从事铸件环节。', reasonEn: '', path: { nodeIds: [], edgeIds: [] },
    };
    expect(candidateRows([c])).toEqual([
      {
        排名: 1, 企业名称: '合肥铸造有限公司', 统一社会信用代码: '91340100MA2XXXXXX1', 所在地区: '安徽省 合肥市', 区域: '安徽省内',
        '产值（万元）': 120000, 规上企业: '是', 资质标签: '专精特新', 所属环节: '铸件', 综合得分: 56.5,
        已供本地企业: 0.5, 供同环节企业: '', 区域得分: '', 规模得分: '', 资质得分: '', 链主得分: '', 环节匹配: '',
        推荐理由: '合肥铸造：从事铸件环节。', 数据说明: '示例数据',
      },
    ]);
  });
});

describe('unknown is not zero in candidate scores (issue 13)', () => {
  it('leaves the scale and region components out when output and region are unknown', () => {
    const row = (output: number | null, region: string | null): CandidateRow => ({
      id: 'ent:u', name: '未知产值有限公司', shortName: null, uscc: null, region, province: null, city: null, output, aboveScale: null,
      tags: [], sample: false, leaderRole: false,
      fits: [{ segmentId: 'seg:b', segmentName: '铸件', segmentNameEn: null, role: 'core', targetId: 'seg:b', direct: true, downstreamIds: [] }],
      localBuyers: [], peers: [],
    });
    const unknown = scoreCandidate(row(null, null), DEFAULT_WEIGHTS);
    expect(unknown.components.map((c) => c.name)).not.toContain('scale');
    expect(unknown.components.map((c) => c.name)).not.toContain('region');
    expect(unknown.aboveScale).toBeNull();
    const zero = scoreCandidate(row(0, 'other'), DEFAULT_WEIGHTS);
    expect(zero.components.find((c) => c.name === 'scale')?.value).toBe(0);
    expect(unknown.score).not.toBe(zero.score);
  });
});
