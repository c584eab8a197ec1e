import { afterEach, describe, expect, it } from 'vitest';
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
      codes.push(codeOf(await api.gql('mutation { signIn(name: "bob", password: "wrong-password") { name } }', {}, { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` })));
    }
    expect(codes.slice(10)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });
});

describe('finding 7: Transfer-Encoding in any case', () => {
  it('refuses a body without Content-Length whatever the case of "chunked"', async () => {
    api = await createSecureTestApi({ maxBodyBytes: 1000 });
    for (const te of ['chunked', 'Chunked', 'CHUNKED', 'gzip, Chunked']) {
      const response = await api.yoga.fetch(
        new Request('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': te }, body: '{"query":"{ me { name } }"}' }),
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
          const answer = await api!.gql('mutation($id: ID!, $note: String) { setGapStatus(id: $id, status: IN_PROGRESS, note: $note) { id } }', { id: gapId, note }, headers);
          expect(answer.body.errors).toBeUndefined();
          const renamed = await api!.gql('mutation($id: ID!, $name: String) { updateEnterprise(id: $id, input: { name: $name }) { id } }', { id: 'ent:a1', name: `名称 ${e}-${r}` }, headers);
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
