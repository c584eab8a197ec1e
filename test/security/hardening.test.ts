import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../server/http/create-http-server.ts';
import { buildFixture } from '../api/gaps-fixture.ts';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';
import { createSecureTestApi } from '../support/auth.ts';

/** Findings of issue 18 that concern the GraphQL request path (each reproduced as the attack found it). */
type Api = Awaited<ReturnType<typeof createSecureTestApi>>;
let api: Api | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const codeOf = (a: { body: { errors?: { extensions?: { code?: string } }[] } }) => a.body.errors?.[0]?.extensions?.code;

describe('finding 4: --trust-proxy and a spoofed X-Forwarded-For', () => {
  it('keys the rate limits on the entry the proxy appended, not on what the client wrote', async () => {
    api = await createSecureTestApi({ rateLimit: { perMinute: 60, burst: 3 }, trustProxy: true });
    // The client sends a fresh fake address each time; our proxy appends the real one (203.0.113.9).
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.gql('{ me { name } }', {}, { 'x-forwarded-for': `10.9.${i}.1, 203.0.113.9` })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
  });

  it('the sign-in limit holds against spoofed entries too', async () => {
    api = await createSecureTestApi({ trustProxy: true });
    await api.users.addUser('bob', 'editor', 'bob-password-1');
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push(
        codeOf(
          await api.gql('mutation { signIn(name: "bob", password: "wrong-password") { name } }', {}, { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` }),
        ),
      );
    }
    expect(codes.slice(10)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });
});

describe('finding 7: Transfer-Encoding in any case', () => {
  it('refuses a body without Content-Length whatever the case of "chunked"', async () => {
    api = await createSecureTestApi({ maxBodyBytes: 1000 });
    for (const te of ['chunked', 'Chunked', 'CHUNKED', 'gzip, Chunked']) {
      const response = await api.yoga.fetch(
        new Request('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'transfer-encoding': te },
          body: '{"query":"{ me { name } }"}',
        }),
      );
      expect([te, response.status]).toEqual([te, 411]);
    }
  });
});

interface Entry {
  field: string;
  args: string;
  before: string | null;
  after: string | null;
}

describe('finding 8: audit before/after under concurrent editors', () => {
  it('each entry shows the state its own write saw and left, with 20 editors at once', async () => {
    const store = EmbeddedStore.open(':memory:');
    await store.applySchema();
    await buildFixture(store);
    api = await createSecureTestApi({}, store);
    const admin = await api.signedIn('root', 'admin');
    // 20 editors as API tokens (signing 20 people in from one address would hit the sign-in limit).
    const editors = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => ({ authorization: `Bearer ${(await api!.users.createApiToken(`ed${i}`, 'editor', 'root')).token}` })),
    );
    const saved = await api.gql('mutation { saveGap(input: { kind: FILL, segmentId: "seg:b" }) { id } }', {}, editors[0]);
    const gapId = (saved.body.data as { saveGap: { id: string } }).saveGap.id;

    const rounds = 5;
    await Promise.all(
      editors.map(async (headers, e) => {
        for (let r = 0; r < rounds; r++) {
          const note = `editor ${e} round ${r}`;
          const answer = await api!.gql(
            'mutation($id: ID!, $note: String) { setGapStatus(id: $id, status: IN_PROGRESS, note: $note) { id } }',
            { id: gapId, note },
            headers,
          );
          expect(answer.body.errors).toBeUndefined();
          const renamed = await api!.gql(
            'mutation($id: ID!, $name: String) { updateEnterprise(id: $id, input: { name: $name }) { id } }',
            { id: 'ent:a1', name: `名称 ${e}-${r}` },
            headers,
          );
          expect(renamed.body.errors).toBeUndefined();
        }
      }),
    );
    const page = await api.gql('query($id: ID) { auditTrail(first: 200, entityId: $id) { entries { field args before after } } }', { id: gapId }, admin);
    const gapEntries = (page.body.data as { auditTrail: { entries: Entry[] } }).auditTrail.entries.filter((e) => e.field === 'setGapStatus');
    expect(gapEntries).toHaveLength(100);
    for (const entry of gapEntries) expect(JSON.parse(entry.after!).note).toBe(JSON.parse(entry.args).note);

    const ent = await api.gql('{ auditTrail(first: 200, entityId: "ent:a1") { entries { field args before after } } }', {}, admin);
    const renames = (ent.body.data as { auditTrail: { entries: Entry[] } }).auditTrail.entries;
    expect(renames).toHaveLength(100);
    for (const entry of renames) expect(JSON.parse(entry.after!).name).toBe(JSON.parse(entry.args).input.name);
    // Newest first: each write's before is the previous write's after; 100 distinct befores.
    for (let i = 0; i < renames.length - 1; i++) expect(renames[i]!.before).toBe(renames[i + 1]!.after);
    expect(new Set(renames.map((e) => e.before)).size).toBe(100);
  }, 60_000);
});

describe('finding 9: smaller disclosures', () => {
  it('editors do not read account records through auditTrail(entityId: "user:…"); admins do', async () => {
    api = await createSecureTestApi();
    const admin = await api.signedIn('root', 'admin');
    const editor = await api.signedIn('ed', 'editor');
    const made = await api.gql('mutation { createUser(name: "wang", password: "wang-password-1", role: viewer) { id } }', {}, admin);
    const userId = (made.body.data as { createUser: { id: string } }).createUser.id;
    await api.gql('mutation { setUserRole(name: "wang", role: editor) { role } }', {}, admin);
    const query = 'query($id: ID) { auditTrail(entityId: $id) { entries { field args before after } } }';
    const seen = (await api.gql(query, { id: userId }, editor)).body.data as { auditTrail: { entries: Entry[] } };
    expect(seen.auditTrail.entries.length).toBeGreaterThan(0);
    for (const e of seen.auditTrail.entries) expect([e.args, e.before, e.after]).toEqual(['{"redacted":"admin only"}', null, null]);
    const csv = (await api.gql('{ auditTrailCsv }', {}, editor)).body.data as { auditTrailCsv: string };
    expect(csv.auditTrailCsv).not.toContain('wang');
    const asAdmin = (await api.gql(query, { id: userId }, admin)).body.data as { auditTrail: { entries: Entry[] } };
    expect(asAdmin.auditTrail.entries.some((e) => (e.after ?? '').includes('wang'))).toBe(true);
  });

  it('the health detail (engine version, data path) is for admins only', async () => {
    api = await createSecureTestApi();
    const anonymous = await api.gql('{ health { store reachable detail } }');
    expect(anonymous.body.data).toEqual({ health: { store: 'embedded', reachable: true, detail: null } });
    const admin = await api.signedIn('root', 'admin');
    expect(((await api.gql('{ health { detail } }', {}, admin)).body.data as { health: { detail: string } }).health.detail).toMatch(/^Grafeo /);
  });

  it('/healthz answers only whether the server and its store are up: no engine version, no data path', async () => {
    const store = EmbeddedStore.open(':memory:');
    await store.applySchema();
    const server = createHttpServer(store, { auth: { mode: 'enabled', rateLimit: false } });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('{"ok":true}');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    }
  });

  it('caps text and numbers in the schema, naming the field and never echoing the value', async () => {
    const store = EmbeddedStore.open(':memory:');
    await store.applySchema();
    await buildFixture(store);
    api = await createSecureTestApi({}, store);
    const editor = await api.signedIn('ed', 'editor');
    const create = 'mutation($input: EnterpriseInput!) { createEnterprise(input: $input) { id } }';
    const huge = 'x'.repeat(1024 * 1024);
    const long = await api.gql(create, { input: { name: huge, areaId: 'area:chaohu' } }, editor);
    expect(long.body.errors?.[0]).toMatchObject({
      message: 'createEnterprise(input.name: at most 200 characters (got 1,048,576))',
      extensions: { code: 'BAD_USER_INPUT', field: 'name' },
    });
    expect(JSON.stringify(long.body)).not.toContain('xxxxxxxxxx');
    const big = await api.gql(create, { input: { name: '甲公司', areaId: 'area:chaohu', output: 1e308 } }, editor);
    expect(big.body.errors?.[0]).toMatchObject({
      message: 'createEnterprise(input.output: at most 10,000,000,000 (got 1e+308))',
      extensions: { field: 'output' },
    });
    const note = await api.gql('mutation($n: String) { setGapStatus(id: "gap:x", status: OPEN, note: $n) { id } }', { n: 'y'.repeat(2001) }, editor);
    expect(note.body.errors?.[0]?.message).toBe('setGapStatus(note: at most 2,000 characters (got 2,001))');
    const literal = await api.gql(`{ search(text: "${'z'.repeat(3000)}") { __typename } }`, {}, editor);
    expect(literal.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect((await api.gql(create, { input: { name: '乙公司', areaId: 'area:chaohu', output: 12.5 } }, editor)).body.errors).toBeUndefined();
  });

  it('auditTrail(first: 500) with every field is within the cost limit', async () => {
    api = await createSecureTestApi();
    const admin = await api.signedIn('root', 'admin');
    const answer = await api.gql(
      '{ auditTrail(first: 500) { hasMore endCursor entries { id at actor actorKind role operation field entityId entityLabel before after ok summary args } } }',
      {},
      admin,
    );
    expect(answer.body.errors).toBeUndefined();
    expect((answer.body.data as { auditTrail: { entries: unknown[] } }).auditTrail.entries.length).toBeGreaterThan(0);
  });
});
