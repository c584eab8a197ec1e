import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureApi, type Api } from './gaps-fixture.ts';

const ANALYSIS = `query ($chainId: ID, $areaId: ID) {
  gapAnalysis(chainId: $chainId, areaId: $areaId) {
    counts { fill extend strengthen }
    segments { segmentId presence localCount }
    gaps { id kind severity status }
  }
}`;
const scope = { chainId: 'chain:t', areaId: 'area:chaohu' };

/** gapAnalysis results are cached per (chain, area, thresholds) until the store's next committed write. */
describe('gapAnalysis cache', () => {
  let api: Api;
  beforeEach(async () => {
    api = await fixtureApi();
  });
  afterEach(() => api.close());

  it('answers a repeated analysis without querying the store; other scopes and thresholds are computed apart', async () => {
    const first = await api.gql(ANALYSIS, scope);
    const run = vi.spyOn(api.store, 'run');
    expect(await api.gql(ANALYSIS, scope)).toEqual(first);
    expect(run).not.toHaveBeenCalled();
    await api.gql(ANALYSIS, { ...scope, areaId: 'area:anchao' });
    expect(run).toHaveBeenCalled();
    run.mockClear();
    const t = await api.gql(
      `{ gapAnalysis(chainId: "chain:t", areaId: "area:chaohu", thresholds: { minOutput: 1000, minEnterprises: 1 }) { counts { fill extend strengthen } } }`,
    );
    expect(t.data.gapAnalysis.counts).toEqual({ fill: 2, extend: 1, strengthen: 0 });
    expect(run).toHaveBeenCalled();
  });

  it('a write moves the store generation, and the next analysis sees it (setGapStatus; createEnterprise + setOperatesIn)', async () => {
    const before = (await api.gql(ANALYSIS, scope)).data.gapAnalysis;
    expect(before.counts).toEqual({ fill: 2, extend: 1, strengthen: 2 });
    expect(before.gaps[1]).toMatchObject({ id: 'gap:fill:seg:b:area:chaohu', status: 'IN_PROGRESS' });

    const generation = api.store.writeGeneration();
    const set = await api.gql(`mutation { setGapStatus(id: "gap:plan:castings", status: FILLED) { id status } }`);
    expect(set.errors).toBeUndefined();
    expect(api.store.writeGeneration()).toBeGreaterThan(generation);
    expect((await api.gql(ANALYSIS, scope)).data.gapAnalysis.gaps[1]).toMatchObject({ id: 'gap:fill:seg:b:area:chaohu', status: 'FILLED' });

    // a local enterprise in 回收 (seg:g, the 延链 gap): the segment becomes present (and weak)
    const created = await api.gql(`mutation { createEnterprise(input: { name: "巢湖回收", areaId: "area:chaohu", output: 1000 }) { id } }`);
    expect(created.errors).toBeUndefined();
    const id = created.data.createEnterprise.id;
    const op = await api.gql(`mutation ($id: ID!) { setOperatesIn(enterpriseId: $id, segmentId: "seg:g", role: "core") { id } }`, { id });
    expect(op.errors).toBeUndefined();
    const after = (await api.gql(ANALYSIS, scope)).data.gapAnalysis;
    expect(after.segments.find((s: any) => s.segmentId === 'seg:g')).toEqual({ segmentId: 'seg:g', presence: 'weak', localCount: 1 });
    expect(after.counts).toEqual({ fill: 2, extend: 0, strengthen: 3 });
  });
});
