import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureApi, type Api } from './gaps-fixture.ts';

const ANALYSIS = `query ($chainId: ID, $areaId: ID, $thresholds: GapThresholds) {
  gapAnalysis(chainId: $chainId, areaId: $areaId, thresholds: $thresholds) {
    counts { fill extend strengthen }
    gaps { id kind severity saved status responsible { unitId role areaId } }
    undetectedSavedGaps { id }
  }
}`;

describe('gapAnalysis on a hand-built chain (see gaps-fixture.ts)', () => {
  let api: Api;
  beforeEach(async () => {
    api = await fixtureApi();
  });
  afterEach(() => api.close());

  it('巢湖市: fills the missing and outsourced links, extends beyond the strong one, strengthens the lone ones', async () => {
    const res = await api.gql(`{ gapAnalysis(chainId: "chain:t", areaId: "area:chaohu") {
      chainId areaId thresholds { minOutput outsideShare minEnterprises }
      counts { fill extend strengthen }
      segments { segmentId localCount localOutput hasLeader leaderIds outsideShare presence externalSupplierIds localBuyerIds }
      gaps { id kind severity components { name value weight } reasonZh reasonEn evidence { nodeIds edgeIds } saved status savedGaps { id origin } }
    } }`);
    expect(res.errors).toBeUndefined();
    const a = res.data.gapAnalysis;
    expect(a.thresholds).toEqual({ minOutput: 10000, outsideShare: 0.5, minEnterprises: 2 });
    expect(a.counts).toEqual({ fill: 2, extend: 1, strengthen: 2 });
    expect(a.segments.map((s: any) => [s.segmentId, s.presence, s.localCount, s.localOutput, s.outsideShare])).toEqual([
      ['seg:a', 'weak', 1, 60000, null], // ent:a1 sits in a town PART_OF 巢湖市
      ['seg:b', 'absent', 0, 0, 1],
      ['seg:c', 'strong', 2, 110000, 0],
      ['seg:d', 'weak', 1, 5000, null],
      ['seg:e', 'absent', 0, 0, 1],
      ['seg:g', 'absent', 0, 0, null],
    ]);
    expect(a.segments[2]).toMatchObject({ hasLeader: true, leaderIds: ['ent:c1'], localBuyerIds: ['ent:d1'] });
    expect(a.gaps.map((g: any) => [g.id, g.kind, g.severity, g.saved, g.status])).toEqual([
      ['gap:extend:seg:g:area:chaohu', 'EXTEND', 100, false, null],
      ['gap:fill:seg:b:area:chaohu', 'FILL', 80, true, 'IN_PROGRESS'],
      ['gap:fill:seg:e:area:chaohu', 'FILL', 80, false, null],
      ['gap:strengthen:seg:d:area:chaohu', 'STRENGTHEN', 55, false, null],
      ['gap:strengthen:seg:a:area:chaohu', 'STRENGTHEN', 40, false, null],
    ]);
    expect(a.gaps[1]).toMatchObject({
      components: [
        { name: 'adjacentLocal', value: 1, weight: 40 },
        { name: 'outsideDependence', value: 0.33, weight: 30 },
        { name: 'outsideShare', value: 1, weight: 30 },
      ],
      reasonZh: '补链：本地缺少铸件环节企业，本地1家企业向1家外地企业采购该环节产品；上游（材料）与下游（零部件）均有本地企业。',
      evidence: {
        nodeIds: ['seg:b', 'seg:a', 'seg:c', 'ent:x1', 'ent:c1'],
        edgeIds: ['FEEDS:seg:a->seg:b', 'FEEDS:seg:b->seg:c', 'SUPPLIES:ent:x1->ent:c1'],
      },
      savedGaps: [{ id: 'gap:plan:castings', origin: 'PLAN' }],
    });
    expect(a.gaps[0]).toMatchObject({
      components: [
        { name: 'strongNeighbours', value: 1, weight: 40 },
        { name: 'neighbourOutput', value: 1, weight: 40 },
        { name: 'downstream', value: 1, weight: 20 },
      ],
      reasonZh: '延链：本地零部件环节基础较强，可向下游延伸至回收。',
      reasonEn: 'Extend: the strong local Parts segment can be extended downstream into Recycling.',
      evidence: { nodeIds: ['seg:g', 'seg:c', 'ent:c1', 'ent:c2'], edgeIds: ['FEEDS:seg:c->seg:g'] },
    });
    expect(a.gaps[3].reasonEn).toBe(
      'Strengthen: Vehicles is present locally but weak (only 1 local enterprise; local output 5,000 万元 is below 10,000 万元).',
    );
  });

  it("attaches the units of the chain's tasks for the area scope", async () => {
    const chaohu = await api.gql(ANALYSIS, { chainId: 'chain:t', areaId: 'area:chaohu' });
    expect(chaohu.data.gapAnalysis.gaps[1].responsible).toEqual([
      { unitId: 'unit:tzzx', role: 'LEAD', areaId: 'area:chaohu' },
      { unitId: 'unit:jxj', role: 'SUPPORT', areaId: 'area:chaohu' },
    ]);
  });

  it('安巢经开区: a lone local segment is weak, its empty upstream neighbour is a 延链 gap; the plan gap there is listed though not detected', async () => {
    const res = await api.gql(ANALYSIS, { chainId: 'chain:t', areaId: 'area:anchao' });
    expect(res.data.gapAnalysis).toEqual({
      counts: { fill: 0, extend: 1, strengthen: 1 },
      gaps: [
        {
          id: 'gap:extend:seg:c:area:anchao',
          kind: 'EXTEND',
          severity: 50,
          saved: false,
          status: null,
          responsible: [{ unitId: 'unit:qtcj', role: 'LEAD', areaId: 'area:anchao' }],
        },
        {
          id: 'gap:strengthen:seg:d:area:anchao',
          kind: 'STRENGTHEN',
          severity: 40,
          saved: false,
          status: null,
          responsible: [{ unitId: 'unit:qtcj', role: 'LEAD', areaId: 'area:anchao' }],
        },
      ],
      undetectedSavedGaps: [{ id: 'gap:plan:coat-anchao' }],
    });
  });

  it('both areas together: 整车 has two enterprises and is no longer weak; plan gaps of either area match', async () => {
    const res = await api.gql(ANALYSIS, { chainId: 'chain:t' });
    const a = res.data.gapAnalysis;
    expect(a.counts).toEqual({ fill: 2, extend: 1, strengthen: 1 });
    expect(a.gaps.map((g: any) => [g.id, g.status])).toEqual([
      ['gap:extend:seg:g:all', null],
      ['gap:fill:seg:b:all', 'IN_PROGRESS'],
      ['gap:fill:seg:e:all', 'OPEN'],
      ['gap:strengthen:seg:a:all', null],
    ]);
    expect(a.undetectedSavedGaps).toEqual([]);
  });

  it('thresholds are parameters: with one enterprise and 1000 万元 enough, nothing needs strengthening', async () => {
    const res = await api.gql(ANALYSIS, { chainId: 'chain:t', areaId: 'area:chaohu', thresholds: { minOutput: 1000, minEnterprises: 1 } });
    expect(res.data.gapAnalysis.counts).toEqual({ fill: 2, extend: 1, strengthen: 0 });
  });

  it('rejects a threshold out of range, naming the field', async () => {
    const res = await api.gql(ANALYSIS, { areaId: 'area:chaohu', thresholds: { outsideShare: 2 } });
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: 'thresholds.outsideShare must be between 0 and 1',
        extensions: { code: 'BAD_USER_INPUT', field: 'thresholds.outsideShare' },
      }),
    ]);
  });
  it('names an unknown area instead of answering for an empty one', async () => {
    const res = await api.gql(`{ gapAnalysis(chainId: "chain:t", areaId: "area:mars") { counts { fill } } }`);
    expect(res.errors?.[0]).toMatchObject({ message: "Area 'area:mars' not found", extensions: { code: 'NOT_FOUND' } });
    const candidates = await api.gql(`{ supplierCandidates(segmentId: "seg:b", areaId: "area:mars") { totalCount } }`);
    expect(candidates.errors?.[0]).toMatchObject({ message: "Area 'area:mars' not found", extensions: { code: 'NOT_FOUND' } });
  });

  it('counts every supplier, buyer and leader while the id lists are evidence', async () => {
    const res = await api.gql(`{ gapAnalysis(chainId: "chain:t", areaId: "area:chaohu") {
      segments { segmentId localCount localEnterpriseIds leaderCount leaderIds externalSupplierCount externalSupplierIds localBuyerCount localBuyerIds } } }`);
    expect(res.errors).toBeUndefined();
    for (const s of res.data.gapAnalysis.segments) {
      // The fixture is far below the evidence caps, so each count equals its list.
      expect([s.localCount, s.leaderCount, s.externalSupplierCount, s.localBuyerCount], s.segmentId).toEqual([
        s.localEnterpriseIds.length,
        s.leaderIds.length,
        s.externalSupplierIds.length,
        s.localBuyerIds.length,
      ]);
    }
    expect(res.data.gapAnalysis.segments.some((s: { externalSupplierCount: number }) => s.externalSupplierCount > 0)).toBe(true);
  });
});

describe('saved gaps', () => {
  let api: Api;
  beforeEach(async () => {
    api = await fixtureApi();
  });
  afterEach(() => api.close());

  const SAVE = `mutation ($input: SaveGapInput!) { saveGap(input: $input) {
    id kind status origin note segmentId chainId areaId responsible { unitId role }
  } }`;
  const SET = `mutation ($id: ID!, $status: GapStatus!, $note: String, $lead: [ID!], $support: [ID!]) {
    setGapStatus(id: $id, status: $status, note: $note, leadUnitIds: $lead, supportUnitIds: $support) { id status note responsible { unitId role } }
  }`;

  it('saves a detected gap; the analysis then reports it saved, and keeps status and note across reruns and re-saves', async () => {
    const saved = await api.gql(SAVE, { input: { kind: 'FILL', segmentId: 'seg:e', areaId: 'area:chaohu', origin: 'ANALYSIS', leadUnitIds: ['unit:tzzx'] } });
    expect(saved).toEqual({
      data: {
        saveGap: {
          id: 'gap:fill:seg:e:area:chaohu',
          kind: 'FILL',
          status: 'OPEN',
          origin: 'ANALYSIS',
          note: null,
          segmentId: 'seg:e',
          chainId: 'chain:t',
          areaId: 'area:chaohu',
          responsible: [{ unitId: 'unit:tzzx', role: 'LEAD' }],
        },
      },
    });
    const set = await api.gql(SET, { id: 'gap:fill:seg:e:area:chaohu', status: 'IN_PROGRESS', note: '已对接上海涂层', support: ['unit:jxj'] });
    expect(set.data.setGapStatus).toEqual({
      id: 'gap:fill:seg:e:area:chaohu',
      status: 'IN_PROGRESS',
      note: '已对接上海涂层',
      responsible: [{ unitId: 'unit:jxj', role: 'SUPPORT' }],
    });

    const again = await api.gql(SAVE, { input: { kind: 'FILL', segmentId: 'seg:e', areaId: 'area:chaohu' } });
    expect(again.data.saveGap).toMatchObject({ status: 'IN_PROGRESS', note: '已对接上海涂层', origin: 'ANALYSIS' });

    const rerun = await api.gql(ANALYSIS, { chainId: 'chain:t', areaId: 'area:chaohu' });
    expect(rerun.data.gapAnalysis.gaps[2]).toMatchObject({ id: 'gap:fill:seg:e:area:chaohu', saved: true, status: 'IN_PROGRESS' });

    const list = await api.gql(`{ gaps(status: [IN_PROGRESS], chainId: "chain:t") { id kind status areaId origin } }`);
    expect(list.data.gaps).toEqual([
      { id: 'gap:fill:seg:e:area:chaohu', kind: 'FILL', status: 'IN_PROGRESS', areaId: 'area:chaohu', origin: 'ANALYSIS' },
      { id: 'gap:plan:castings', kind: 'FILL', status: 'IN_PROGRESS', areaId: 'area:chaohu', origin: 'PLAN' },
    ]);
    const one = await api.gql(`{ gap(id: "gap:plan:castings") { id segmentName chainName areaName taskId taskName source responsible { unitName role } } }`);
    expect(one.data.gap).toEqual({
      id: 'gap:plan:castings',
      segmentName: '铸件',
      chainName: '测试链',
      areaName: '巢湖市',
      taskId: 'task:t1',
      taskName: '发展测试链',
      source: '三(三)7',
      responsible: [{ unitName: '市投促中心', role: 'LEAD' }],
    });
    expect((await api.gql(`{ gap(id: "gap:nope") { id } }`)).data.gap).toBeNull();
  });

  it('names the unknown id or the bad field', async () => {
    const errorOf = (r: any) => r.errors?.[0] && { message: r.errors[0].message, code: r.errors[0].extensions.code };
    expect(errorOf(await api.gql(SAVE, { input: { kind: 'FILL', segmentId: 'seg:nope', areaId: 'area:chaohu' } }))).toEqual({
      message: "Segment 'seg:nope' not found",
      code: 'NOT_FOUND',
    });
    expect(errorOf(await api.gql(SAVE, { input: { kind: 'FILL', segmentId: 'seg:e', areaId: 'area:mars' } }))).toEqual({
      message: "Area 'area:mars' not found",
      code: 'NOT_FOUND',
    });
    expect(errorOf(await api.gql(SAVE, { input: { kind: 'FILL', segmentId: 'seg:e', leadUnitIds: ['unit:tzzx', 'unit:ghost'] } }))).toEqual({
      message: "Unit 'unit:ghost' not found",
      code: 'NOT_FOUND',
    });
    expect(errorOf(await api.gql(SET, { id: 'gap:nope', status: 'FILLED' }))).toEqual({ message: "Gap 'gap:nope' not found", code: 'NOT_FOUND' });
    expect(errorOf(await api.gql(SET, { id: 'gap:plan:castings', status: 'FILLED', lead: ['unit:ghost'] }))).toEqual({
      message: "Unit 'unit:ghost' not found",
      code: 'NOT_FOUND',
    });
    const bad = await api.gql(SAVE, { input: { kind: 'FILL', segmentId: 'seg:e', chainId: 'chain:other' } });
    expect(errorOf(bad)).toEqual({ message: "Chain 'chain:other' not found", code: 'NOT_FOUND' });
    // Nothing was written by the failed mutations.
    expect((await api.gql(`{ gaps { id } }`)).data.gaps).toEqual([{ id: 'gap:plan:castings' }, { id: 'gap:plan:coat-anchao' }]);
  });
});
