import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateRows, type SupplierCandidate } from '../../server/services/suppliers/rank-supplier-candidates.ts';
import { fixtureApi, type Api } from './gaps-fixture.ts';
import { dictionaries } from '../../client/i18n.ts';
import { COMPONENT_COLUMN } from '../../server/services/suppliers/export-rows.ts';
import { COMPONENT_ORDER } from '../../server/services/suppliers/weights.ts';

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

  it('ranks external enterprises for 铸件 with components (points), reasons and a path of the evidence', async () => {
    const res = await api.gql(`{ supplierCandidates(segmentId: "seg:b", areaId: "area:chaohu") {
      totalCount weights { segmentFit suppliesLocal suppliesPeers customers scale region qualifications leaderElsewhere }
      candidates { rank enterpriseId score inSegment segmentNames sample reasonZh reasonEn components { name value weight points } path { nodeIds edgeIds } }
    } }`);
    expect(res.errors).toBeUndefined();
    const page = res.data.supplierCandidates;
    expect(page.weights).toEqual({
      segmentFit: 35,
      suppliesLocal: 23,
      suppliesPeers: 23,
      customers: 8,
      scale: 3,
      region: 6,
      qualifications: 1,
      leaderElsewhere: 1,
    });
    expect(page.candidates.map((c: any) => [c.rank, c.enterpriseId, c.score, c.inSegment])).toEqual([
      [1, 'ent:x1', 75.4, true], // supplies our 丙部件; 1 customer; 安徽, 规上, 专精特新
      [2, 'ent:x3', 67.2, true], // supplies 外地部件, like our buyers in 零部件 but far away; 1 customer
      [3, 'ent:x2', 35.84, false], // 涂层 only feeds 零部件 like 铸件 does
    ]);
    expect(page.candidates[0]).toMatchObject({
      segmentNames: ['铸件'],
      sample: true,
      reasonZh: '合肥铸造：从事铸件环节；已向本地丙部件供货；共1项供货关系；安徽省内；规上企业；专精特新。',
      components: [
        { name: 'segmentFit', value: 1, weight: 35, points: 35 },
        { name: 'suppliesLocal', value: 1, weight: 23, points: 23 },
        { name: 'suppliesPeers', value: 0, weight: 23, points: 0 },
        { name: 'customers', value: 1, weight: 8, points: 8 },
        { name: 'scale', value: 1, weight: 3, points: 3 },
        { name: 'region', value: 1, weight: 6, points: 6 },
        { name: 'qualifications', value: 0.4, weight: 1, points: 0.4 },
        { name: 'leaderElsewhere', value: 0, weight: 1, points: 0 },
      ],
      path: { nodeIds: ['ent:x1', 'seg:b', 'ent:c1'], edgeIds: ['OPERATES_IN:ent:x1->seg:b', 'SUPPLIES:ent:x1->ent:c1'] },
    });
    for (const c of page.candidates) expect(c.components.reduce((n: number, p: any) => n + p.points, 0)).toBeCloseTo(c.score, 1);
    // the buyer like ours, its segment of local demand, the FEEDS into it and the local enterprises there
    expect(page.candidates[1].path).toEqual({
      nodeIds: ['ent:x3', 'seg:b', 'ent:y1', 'seg:c', 'ent:c1', 'ent:c2'],
      edgeIds: [
        'OPERATES_IN:ent:x3->seg:b',
        'SUPPLIES:ent:x3->ent:y1',
        'OPERATES_IN:ent:y1->seg:c',
        'FEEDS:seg:b->seg:c',
        'OPERATES_IN:ent:c1->seg:c',
        'OPERATES_IN:ent:c2->seg:c',
      ],
    });
    expect(page.candidates[2].path).toEqual({
      nodeIds: ['ent:x2', 'seg:e', 'seg:b', 'seg:c', 'ent:c2'],
      edgeIds: ['OPERATES_IN:ent:x2->seg:e', 'FEEDS:seg:e->seg:c', 'FEEDS:seg:b->seg:c', 'SUPPLIES:ent:x2->ent:c2'],
    });
    expect(page.candidates[1].reasonZh).toBe('远方铸造：从事铸件环节；供货给1家与本地买方同类的企业（零部件环节）；共1项供货关系；其他地区。');
    expect(page.candidates[1].reasonEn).toBe(
      '远方铸造: operates in Castings; supplies 1 firm(s) like the local buyers (in Parts); 1 supply link(s) in all; outside the region.',
    );
    // one line: the segment and the clause of the component with the most points besides it (local buyers, 23 points)
    const lines = await api.gql(`{ supplierCandidates(segmentId: "seg:b", areaId: "area:chaohu") { candidates { reasonLineZh reasonLineEn } } }`);
    expect(lines.data.supplierCandidates.candidates[0]).toEqual({
      reasonLineZh: '从事铸件环节；已向本地丙部件供货',
      reasonLineEn: 'operates in Castings; already supplies local 丙部件',
    });
    expect(lines.data.supplierCandidates.candidates[1]).toEqual({
      reasonLineZh: '从事铸件环节；供货给1家与本地买方同类的企业（零部件环节）',
      reasonLineEn: 'operates in Castings; supplies 1 firm(s) like the local buyers (in Parts)',
    });
    expect(lines.data.supplierCandidates.candidates[2].reasonLineZh).toBe('从事涂层环节（与目标环节供应同一下游）；已向本地丁部件供货');
  });

  it('weights are parameters: counting only local buyers puts 合肥铸造 and 上海涂层 first', async () => {
    const weights = { suppliesLocal: 1, suppliesPeers: 0, customers: 0, region: 0, scale: 0, qualifications: 0, leaderElsewhere: 0, segmentFit: 0 };
    const res = await api.gql(CANDIDATES, { segmentId: 'seg:b', areaId: 'area:chaohu', weights });
    // 合肥铸造 and 上海涂层 each supply one local buyer: the tie goes to more evidence, then the larger output
    expect(res.data.supplierCandidates.candidates).toEqual([
      { rank: 1, enterpriseId: 'ent:x1', score: 100 },
      { rank: 2, enterpriseId: 'ent:x2', score: 100 },
      { rank: 3, enterpriseId: 'ent:x3', score: 0 },
    ]);
  });

  it('paginates with first and after', async () => {
    const one = await api.gql(CANDIDATES, { segmentId: 'seg:b', areaId: 'area:chaohu', first: 2 });
    expect(one.data.supplierCandidates).toMatchObject({ totalCount: 3, hasNextPage: true });
    expect(one.data.supplierCandidates.candidates.map((c: any) => c.enterpriseId)).toEqual(['ent:x1', 'ent:x3']);
    const two = await api.gql(CANDIDATES, { segmentId: 'seg:b', areaId: 'area:chaohu', first: 2, after: one.data.supplierCandidates.endCursor });
    expect(two.data.supplierCandidates).toMatchObject({ totalCount: 3, hasNextPage: false, candidates: [{ rank: 3, enterpriseId: 'ent:x2', score: 35.84 }] });
  });

  it('takes a saved gap (plan gap for 铸件 in 巢湖市) or the id of a detected, unsaved gap', async () => {
    const saved = await api.gql(CANDIDATES, { gapId: 'gap:plan:castings' });
    expect(saved.data.supplierCandidates).toMatchObject({ segmentIds: ['seg:b'], areaId: 'area:chaohu', totalCount: 3 });
    const detected = await api.gql(CANDIDATES, { gapId: 'gap:fill:seg:e:area:chaohu' });
    expect(detected.data.supplierCandidates).toMatchObject({ segmentIds: ['seg:e'], areaId: 'area:chaohu' });
    // issue 14: 上海涂层 (in 涂层, 长三角) outranks 合肥铸造 (neighbouring segment, 安徽, larger, as much evidence);
    // before, the region and scale points put the neighbour first. 合肥铸造 supplies a local buyer, 远方铸造 a distant firm.
    expect(detected.data.supplierCandidates.candidates.map((c: any) => [c.enterpriseId, c.score])).toEqual([
      ['ent:x2', 70.84],
      ['ent:x1', 40.4],
      ['ent:x3', 32.2],
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
  it('names each component as the UI does (issue 15.3: one set of names in the panel, the CSV and the .xlsx)', () => {
    for (const name of COMPONENT_ORDER) expect(COMPONENT_COLUMN[name]).toBe(dictionaries.zh[`component.${name}`]);
  });

  it('gives one row per candidate: 综合得分 and the points of each component under the names the UI shows (issue 15.3)', () => {
    const c: SupplierCandidate = {
      rank: 1,
      enterpriseId: 'ent:x1',
      name: '合肥铸造有限公司',
      shortName: '合肥铸造',
      uscc: '91340100MA2XXXXXX1',
      region: 'anhui',
      province: '安徽省',
      city: '合肥市',
      output: 120000,
      aboveScale: null,
      tags: ['专精特新'],
      sample: true,
      segmentIds: ['seg:b'],
      segmentNames: ['铸件'],
      inSegment: true,
      score: 50.8,
      components: [
        { name: 'segmentFit', value: 1, weight: 45, points: 45, detail: '' },
        { name: 'region', value: 1, weight: 3, points: 3, detail: '' },
        { name: 'scale', value: 1, weight: 2, points: 2, detail: '' },
        { name: 'qualifications', value: 0.4, weight: 2, points: 0.8, detail: '' },
      ],
      reasonZh: '合肥铸造：从事铸件环节。',
      reasonEn: '',
      reasonLineZh: '',
      reasonLineEn: '',
      path: { nodeIds: [], edgeIds: [] },
    };
    const [row] = candidateRows([c]);
    expect(row).toEqual({
      排名: 1,
      企业名称: '合肥铸造有限公司',
      统一社会信用代码: '91340100MA2XXXXXX1',
      所在地区: '安徽省 合肥市',
      区域: '安徽省内',
      '产值（万元）': 120000,
      规上企业: '',
      资质标签: '专精特新',
      所属环节: '铸件',
      综合得分: 50.8,
      环节匹配: 45,
      已向本地供货: 0,
      供货本地同类买方: 0,
      客户数量: 0,
      规模: 2,
      地区: 3,
      资质: 0.8,
      他处链主: 0,
      推荐理由: '合肥铸造：从事铸件环节。',
      数据说明: '示例数据',
    });
    const points = ['环节匹配', '已向本地供货', '供货本地同类买方', '客户数量', '规模', '地区', '资质', '他处链主'].reduce((n, k) => n + Number(row![k]), 0);
    expect(points).toBeCloseTo(row!.综合得分 as number, 5);
  });
});

describe('supplierCandidates filters (issue 14)', () => {
  let api: Api;
  beforeAll(async () => {
    api = await fixtureApi();
  });
  afterAll(() => api.close());
  const Q = `query ($filter: CandidateFilter, $first: Int, $after: String) {
    supplierCandidates(segmentId: "seg:b", areaId: "area:chaohu", filter: $filter, first: $first, after: $after) {
      totalCount hasNextPage endCursor candidates { rank enterpriseId } } }`;
  const ids = async (filter: unknown) => (await api.gql(Q, { filter })).data.supplierCandidates;

  it('keeps region classes, 规上, tags and in-segment only; ranks stay those of the whole list', async () => {
    expect(await ids({ inSegmentOnly: true })).toMatchObject({
      totalCount: 2,
      candidates: [
        { rank: 1, enterpriseId: 'ent:x1' },
        { rank: 2, enterpriseId: 'ent:x3' },
      ],
    });
    expect(await ids({ regions: ['anhui', 'yrd'] })).toMatchObject({
      totalCount: 2,
      candidates: [
        { rank: 1, enterpriseId: 'ent:x1' },
        { rank: 3, enterpriseId: 'ent:x2' },
      ],
    });
    expect((await ids({ aboveScale: true })).candidates.map((c: any) => c.enterpriseId)).toEqual(['ent:x1', 'ent:x2']);
    expect((await ids({ aboveScale: false })).candidates.map((c: any) => c.enterpriseId)).toEqual(['ent:x3']);
    expect((await ids({ tags: ['小巨人'], inSegmentOnly: false })).candidates).toEqual([{ rank: 3, enterpriseId: 'ent:x2' }]);
    expect(await ids({ regions: ['unknown'] })).toMatchObject({ totalCount: 0, candidates: [], hasNextPage: false });
  });

  it('pages through a filtered list', async () => {
    const one = (await api.gql(Q, { filter: { regions: ['anhui', 'yrd'] }, first: 1 })).data.supplierCandidates;
    expect(one).toMatchObject({ hasNextPage: true, candidates: [{ rank: 1, enterpriseId: 'ent:x1' }] });
    const two = (await api.gql(Q, { filter: { regions: ['anhui', 'yrd'] }, first: 1, after: one.endCursor })).data.supplierCandidates;
    expect(two).toMatchObject({ hasNextPage: false, candidates: [{ rank: 3, enterpriseId: 'ent:x2' }] });
  });

  it('refuses unknown region classes and empty lists by field', async () => {
    const bad = await api.gql(Q, { filter: { regions: ['mars'] } });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.regions' } });
    expect(bad.errors?.[0].message).toMatch(/'mars' is not one of local, anhui, yrd, other, unknown/);
    const empty = await api.gql(Q, { filter: { tags: [] } });
    expect(empty.errors?.[0]).toMatchObject({ extensions: { field: 'filter.tags' } });
  });

  it('the 招商清单 xlsx takes the filter and holds points under the UI names that add up to 综合得分 (issue 15.3)', async () => {
    const res = await api.gql(
      `{ exportTable(kind: CANDIDATES, format: XLSX, segmentId: "seg:b", areaId: "area:chaohu", filter: { inSegmentOnly: true }) { base64 } }`,
    );
    expect(res.errors).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.data.exportTable.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const parts = ['环节匹配', '已向本地供货', '供货本地同类买方', '客户数量', '规模', '地区', '资质', '他处链主'];
    expect(header.slice(header.indexOf('综合得分'), header.indexOf('综合得分') + 9)).toEqual(['综合得分', ...parts]);
    expect(sheet.actualRowCount).toBe(3); // header + the two in-segment candidates
    for (const r of [2, 3]) {
      const cell = (name: string) => Number(sheet.getRow(r).getCell(header.indexOf(name) + 1).value);
      expect(parts.reduce((n, p) => n + cell(p), 0)).toBeCloseTo(cell('综合得分'), 1);
    }
  });
});
