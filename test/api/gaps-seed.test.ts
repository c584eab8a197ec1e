import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { DEFAULT_WEIGHTS } from '../../server/services/suppliers/weights.ts';
import { fixtureApi, type Api } from './gaps-fixture.ts';

/** The analyses on the shipped seed graph (plan + fictional sample enterprises). */
describe('gap analysis, candidates and responsibility on the seed graph', () => {
  let api: Api;
  beforeAll(async () => {
    api = await fixtureApi(async (store) => {
      await loadSeeds(store);
    });
  });
  afterAll(() => api.close());

  it('新兴产业 in 巢湖市: the three “1+5” segments the sample leaves empty are 补链 gaps, matched to the plan gaps with their units', async () => {
    const res = await api.gql(`{ gapAnalysis(chainId: "chain:emerging", areaId: "area:chaohu") {
      counts { fill extend strengthen }
      gaps { id kind saved status savedGaps { id origin responsible { unitName role areaId via } } responsible { unitName role areaId via } }
    } }`);
    expect(res.errors).toBeUndefined();
    const a = res.data.gapAnalysis;
    expect(a.counts).toEqual({ fill: 3, extend: 0, strengthen: 0 });
    expect(a.gaps.map((g: any) => [g.id, g.kind, g.status, g.savedGaps.map((s: any) => [s.id, s.origin])])).toEqual([
      ['gap:fill:seg:bms:area:chaohu', 'FILL', 'OPEN', [['gap:plan-bms:chaohu', 'PLAN']]],
      ['gap:fill:seg:3d-printing:area:chaohu', 'FILL', 'OPEN', [['gap:plan-3d-printing:chaohu', 'PLAN']]],
      ['gap:fill:seg:domain-controller:area:chaohu', 'FILL', 'OPEN', [['gap:plan-domain-controller:chaohu', 'PLAN']]],
    ]);
    const units = [
      { unitName: '市投促中心', role: 'LEAD' },
      { unitName: '市发改委', role: 'SUPPORT' },
      { unitName: '市经信局', role: 'SUPPORT' },
      { unitName: '市科技局', role: 'SUPPORT' },
      { unitName: '居巢经开区', role: 'SUPPORT' },
      { unitName: '各镇、街道', role: 'SUPPORT' },
    ];
    // a saved gap's units: lead first, then by unit id (server/services/gaps/saved-gaps.ts)
    const byId = [units[0]!, units[5]!, units[4]!, units[1]!, units[2]!, units[3]!];
    expect(a.gaps[1].savedGaps[0].responsible).toEqual(byId.map((u) => ({ ...u, areaId: 'area:chaohu', via: 'GAP' })));
    expect(a.gaps[1].responsible).toEqual(units.map((u) => ({ ...u, areaId: 'area:chaohu', via: 'TASK' })));
  });

  it('the plan’s 延链 航空航天 in 巢湖市 is detected as 延链 beyond the strong local 轻合金锻件', async () => {
    const res = await api.gql(`{ gapAnalysis(chainId: "chain:light-alloy", areaId: "area:chaohu") {
      gaps { id kind status reasonZh } undetectedSavedGaps { id kind }
    } }`);
    const aerospace = res.data.gapAnalysis.gaps.find((g: any) => g.id === 'gap:extend:seg:aerospace:area:chaohu');
    expect(aerospace).toMatchObject({ kind: 'EXTEND', status: 'OPEN' });
    expect(aerospace.reasonZh).toBe('延链：本地轻合金锻件环节基础较强，可向下游延伸至航空航天。');
    // 汽车零部件 has one small local enterprise in the sample, so it is 强链 here, not the plan's 延链: listed, not lost
    expect(res.data.gapAnalysis.undetectedSavedGaps).toEqual([{ id: 'gap:plan-auto-parts:chaohu', kind: 'EXTEND' }]);
  });

  it('gap counts by kind for every chain and scope', async () => {
    const counts = async (areaId: string | null) =>
      (await api.gql(`query ($areaId: ID) { gapAnalysis(areaId: $areaId) { counts { fill extend strengthen } } }`, { areaId })).data.gapAnalysis.counts;
    expect(await counts('area:chaohu')).toEqual({ fill: 6, extend: 3, strengthen: 22 });
    expect(await counts('area:anchao')).toEqual({ fill: 12, extend: 3, strengthen: 17 });
    expect(await counts(null)).toEqual({ fill: 4, extend: 2, strengthen: 15 });
  });

  it('candidates for the 3D打印 plan gap are external sample enterprises, ranked with components', async () => {
    // the documented defaults, given: the store's own fitted weights (fitted-weights.test.ts) depend on when the fit finishes
    const res = await api.gql(
      `query ($weights: CandidateWeights) { supplierCandidates(gapId: "gap:plan-3d-printing:chaohu", first: 3, weights: $weights) {
      segmentIds areaId totalCount hasNextPage
      candidates { rank enterpriseId region sample score components { name value weight } reasonZh path { nodeIds edgeIds } }
    } }`,
      { weights: DEFAULT_WEIGHTS },
    );
    expect(res.errors).toBeUndefined();
    const page = res.data.supplierCandidates;
    expect(page).toMatchObject({ segmentIds: ['seg:3d-printing'], areaId: 'area:chaohu', totalCount: 13, hasNextPage: true });
    expect(page.candidates.map((c: any) => [c.rank, c.enterpriseId, c.region, c.score])).toEqual([
      [1, 'ent:s0158', 'anhui', 87.52],
      [2, 'ent:s0159', 'yrd', 87.4],
      [3, 'ent:s0161', 'other', 66.7],
    ]);
    for (const c of page.candidates) {
      expect(c.sample).toBe(true);
      expect(c.components.map((x: any) => x.name)).toEqual([
        'segmentFit',
        'suppliesLocal',
        'suppliesPeers',
        'customers',
        'scale',
        'region',
        'qualifications',
        'leaderElsewhere',
      ]);
      expect(c.path.nodeIds[0]).toBe(c.enterpriseId);
    }
    expect(page.candidates[0].reasonZh).toMatch(/^天安增材制造：从事3D打印服务环节；已向本地.*供货；/);
  });

  it('a unit sees its tasks, chains and the open plan gaps there', async () => {
    const res = await api.gql(`{ unit(id: "unit:shi-touchu") { name chains { id } openGaps { id } duties { taskId role areaId } } }`);
    const u = res.data.unit;
    expect(u.name).toBe('市投促中心');
    expect(u.chains.map((c: any) => c.id)).toContain('chain:emerging');
    expect(u.openGaps.map((g: any) => g.id)).toContain('gap:plan-3d-printing:chaohu');
    expect(u.openGaps.map((g: any) => g.id).filter((id: string) => id.endsWith(':anchao'))).toEqual([]);
    expect(u.duties).toContainEqual({ taskId: 'task:1', role: 'LEAD', areaId: 'area:chaohu' });
  });
});
