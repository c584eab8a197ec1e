import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { DISABLED_AUTH } from '../../server/auth/auth-options.ts';
import { createGraphQLServer } from '../../server/graphql/yoga.ts';
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

  /** Holds every run of `read/enterprises/profile` until the returned release is called; counts them. */
  function holdProfileReads(store: TestApi['store']) {
    const run = store.run.bind(store);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const spy = vi.spyOn(store, 'run').mockImplementation(async (name, params) => {
      if (name === 'read/enterprises/profile') await gate;
      return run(name, params);
    });
    return { release, reads: () => spy.mock.calls.filter(([name]) => name === 'read/enterprises/profile').length };
  }
  const PROFILE = `query ($id: ID!) { enterprise(id: $id) { id name } }`;

  it('runs the resolvers once for identical requests that arrive while the first is still computing', async () => {
    // Found on Neo4j at tier M (bench/README.md): each time the cache lapsed (a write, or NEO4J_CACHE_SECONDS) all 16
    // connections asking for the same neighbourhood computed it at once, p99 1.4 s against 83 ms on the embedded store.
    api = await createTestApi(loadSeeds);
    const held = holdProfileReads(api.store);
    const answers = Promise.all([1, 2, 3, 4].map(() => api.gql(PROFILE, { id: 'ent:s0001' })));
    await new Promise((r) => setTimeout(r, 100));
    held.release();
    const [first, ...rest] = await answers;
    if (!first) throw new Error('no answer');
    expect(first.errors).toBeUndefined();
    expect(first.data.enterprise.id).toBe('ent:s0001');
    for (const answer of rest) expect(answer).toEqual(first);
    expect(held.reads()).toBe(1);
  });

  it('does not give a request that arrives after a write the answer of one that started before it', async () => {
    api = await createTestApi(loadSeeds);
    const held = holdProfileReads(api.store);
    const before = api.gql(PROFILE, { id: 'ent:s0001' });
    await new Promise((r) => setTimeout(r, 50));
    const renamed = await api.gql(`mutation { updateEnterprise(id: "ent:s0001", input: { name: "巢湖缓存并发测试有限公司" }) { id } }`);
    expect(renamed.errors).toBeUndefined();
    const after = api.gql(PROFILE, { id: 'ent:s0001' });
    await new Promise((r) => setTimeout(r, 50));
    held.release();
    await before;
    expect((await after).data.enterprise.name).toBe('巢湖缓存并发测试有限公司');
    expect(held.reads()).toBeGreaterThanOrEqual(2);
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
  it('sends a kept answer as the same bytes, with their length and media type, as the answer computed afresh', async () => {
    api = await createTestApi(loadSeeds);
    const yoga = createGraphQLServer({ store: api.store, graphiql: false, auth: DISABLED_AUTH });
    const body = JSON.stringify({ query: NEIGHBOURHOOD, variables: { id: 'seg:alloy-casting' } });
    const post = async (accept?: string) => {
      const res = await yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) },
        body,
      });
      const bytes = Buffer.from(await res.arrayBuffer());
      return { status: res.status, type: res.headers.get('content-type'), length: res.headers.get('content-length'), bytes };
    };
    const computed = await post();
    const text = computed.bytes.toString('utf8');
    expect(computed).toMatchObject({ status: 200, type: 'application/json; charset=utf-8', length: String(computed.bytes.length) });
    // the names are Chinese: a length counted in characters instead of UTF-8 bytes would cut the answer short
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    const { data } = JSON.parse(text) as { data: { neighbourhood: { nodes: { id: string }[] } } };
    expect(data.neighbourhood.nodes.map((n) => n.id)).toContain('seg:alloy-casting');
    const run = vi.spyOn(api.store, 'run');
    for (const accept of [undefined, 'application/json', 'application/graphql-response+json', 'application/graphql-response+json, application/json;q=0.9']) {
      const kept = await post(accept);
      expect(kept.bytes.toString('utf8')).toBe(text);
      expect(kept.length).toBe(String(computed.bytes.length));
      expect(kept.status).toBe(200);
      expect(kept.type).toMatch(/^application\/(graphql-response\+)?json; charset=utf-8$/);
    }
    expect((await post('application/graphql-response+json')).type).toBe('application/graphql-response+json; charset=utf-8');
    // an event stream carries the same answer as one event
    const stream = (await post('text/event-stream')).bytes.toString('utf8');
    expect(stream).toContain(`data: ${text}`);
    expect(run).not.toHaveBeenCalled();
  });
});
