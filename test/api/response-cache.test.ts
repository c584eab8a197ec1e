import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { createSecureTestApi } from '../support/auth.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';

const NEIGHBOURHOOD = `query ($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 200) { truncated nodes { id name } edges { id } } }`;

/** Issue 17: answers of graph queries are reused until the store's next write, per role. */
describe('GraphQL response cache', () => {
  let api: TestApi;
  afterEach(() => api?.close());

  it('answers a repeated query without running its resolvers; other variables, and any write, run them again', async () => {
    api = await createTestApi(loadSeeds);
    const first = await api.gql(NEIGHBOURHOOD, { id: 'seg:alloy-casting' });
    expect(first.errors).toBeUndefined();
    const run = vi.spyOn(api.store, 'run');
    expect(await api.gql(NEIGHBOURHOOD, { id: 'seg:alloy-casting' })).toEqual(first);
    expect(run).not.toHaveBeenCalled();
    await api.gql(NEIGHBOURHOOD, { id: 'seg:alloy-forging' });
    expect(run).toHaveBeenCalled();

    run.mockClear();
    const created = await api.gql(`mutation { createEnterprise(input: { name: "巢湖缓存测试铸造有限公司", areaId: "area:chaohu", output: 10 }) { id } }`);
    expect(created.errors).toBeUndefined();
    const id = created.data.createEnterprise.id;
    expect(
      (await api.gql(`mutation ($id: ID!) { setOperatesIn(enterpriseId: $id, segmentId: "seg:alloy-casting", role: "core") { id } }`, { id })).errors,
    ).toBeUndefined();
    run.mockClear();
    const after = await api.gql(NEIGHBOURHOOD, { id: 'seg:alloy-casting' });
    expect(run).toHaveBeenCalled();
    expect(after.data.neighbourhood.nodes.map((n: { id: string }) => n.id)).toContain(id);
  });

  it('never serves an answer to a caller of another role: anonymous callers are still refused', async () => {
    const secure = await createSecureTestApi();
    try {
      await loadSeeds(secure.store);
      const viewer = await secure.signedIn('reader', 'viewer');
      const ok = await secure.gql('{ chains { id } }', {}, viewer);
      expect(ok.body.errors).toBeUndefined();
      expect(await secure.gql('{ chains { id } }', {}, viewer)).toMatchObject({ body: ok.body });
      const anonymous = await secure.gql('{ chains { id } }');
      expect(anonymous.body.data?.chains ?? null).toBeNull();
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await secure.close();
    }
  });
});
