import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';

const CANDIDATES = `{ supplierCandidates(segmentId: "seg:bms", first: 200) { totalCount candidates { enterpriseId } } }`;

describe('supplier candidates are recomputed after a write', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(loadSeeds);
  });
  afterAll(() => api.close());

  it('a new external enterprise in the segment becomes a candidate at once', async () => {
    const before = (await api.gql(CANDIDATES)).data.supplierCandidates;
    expect((await api.gql(CANDIDATES)).data.supplierCandidates).toEqual(before);

    const created = await api.gql(
      `mutation { createEnterprise(input: { name: "苏州示例新电控科技有限公司", areaId: "area:suzhou", local: false, output: 50000 }) { id } }`,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createEnterprise.id;
    const op = await api.gql(`mutation ($id: ID!) { setOperatesIn(enterpriseId: $id, segmentId: "seg:bms", role: "core") { id } }`, { id });
    expect(op.errors).toBeUndefined();

    const after = (await api.gql(CANDIDATES)).data.supplierCandidates;
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect(after.candidates.map((c: { enterpriseId: string }) => c.enterpriseId)).toContain(id);
  });
});
