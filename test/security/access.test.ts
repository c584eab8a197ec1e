import { afterEach, describe, expect, it } from 'vitest';
import { DISABLED_AUTH } from '../../server/auth/auth-options.ts';
import { createGraphQLServer } from '../../server/graphql/yoga.ts';
import { openTestStore } from '../support/test-store.ts';
import { requiredRole } from '../../server/auth/permissions.ts';
import { bearer, createSecureTestApi } from '../support/auth.ts';

type Api = Awaited<ReturnType<typeof createSecureTestApi>>;
let api: Api | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const codes = (answer: { body: { errors?: { extensions?: { code?: string } }[] } }) => answer.body.errors?.map((e) => e.extensions?.code);

describe('permission rules', () => {
  it('needs editor for any mutation not on the admin or public list, viewer for queries', () => {
    expect(requiredRole('mutation', 'saveGap')).toBe('editor');
    expect(requiredRole('mutation', 'someFutureMutation')).toBe('editor');
    expect(requiredRole('mutation', 'createApiToken')).toBe('admin');
    expect(requiredRole('mutation', 'signIn')).toBe('public');
    expect(requiredRole('query', 'chains')).toBe('viewer');
    expect(requiredRole('query', 'users')).toBe('admin');
    expect(requiredRole('query', 'me')).toBe('public');
  });
});

describe('access control on (the real server)', () => {
  it('lets anyone read while no user exists yet, but refuses every mutation', async () => {
    api = await createSecureTestApi();
    expect((await api.gql('{ health { reachable } me { name role signedIn canEdit } }')).body).toEqual({
      data: { health: { reachable: true }, me: { name: 'anonymous', role: 'viewer', signedIn: false, canEdit: false } },
    });
    const write = await api.gql('mutation { createApiToken(name: "x", role: admin) { token } }');
    expect(write.body).toEqual({
      errors: [{ message: "mutation 'createApiToken' needs role 'admin'; 'anonymous' has role 'viewer'", extensions: { code: 'FORBIDDEN' } }],
    });
  });

  it('refuses anonymous reads once a user exists, unless open mode', async () => {
    api = await createSecureTestApi();
    await api.users.addUser('alice', 'admin', 'alice-password-1');
    const read = await api.gql('{ health { reachable } }');
    expect(read.body).toEqual({ errors: [{ message: "sign in to use query 'health': it needs role 'viewer'", extensions: { code: 'UNAUTHENTICATED' } }] });
    expect((await api.gql('{ me { name } }')).body).toEqual({ data: { me: null } });
    await api.close();
    api = await createSecureTestApi({ open: true });
    await api.users.addUser('alice', 'admin', 'alice-password-1');
    expect((await api.gql('{ health { reachable } }')).body).toEqual({ data: { health: { reachable: true } } });
    expect(codes(await api.gql('mutation { signOut createUser(name: "b", password: "0123456789ab", role: viewer) { name } }'))).toEqual(['FORBIDDEN']);
  });

  it('signs in with an HTTP-only SameSite=Strict cookie; wrong passwords get one message', async () => {
    api = await createSecureTestApi();
    await api.users.addUser('bob', 'editor', 'bob-password-1');
    const ok = await api.gql('mutation { signIn(name: "bob", password: "bob-password-1") { name role canEdit canAdmin } }');
    expect(ok.body).toEqual({ data: { signIn: { name: 'bob', role: 'editor', canEdit: true, canAdmin: false } } });
    expect(ok.headers.get('set-cookie')).toMatch(/^cg_session=cgs_[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
    expect((await api.gql('{ me { name role kind } }', {}, { cookie })).body).toEqual({ data: { me: { name: 'bob', role: 'editor', kind: 'user' } } });

    for (const [name, password] of [
      ['bob', 'wrong-password'],
      ['nobody', 'bob-password-1'],
    ]) {
      const bad = await api.gql('mutation($n: String!, $p: String!) { signIn(name: $n, password: $p) { name } }', { n: name, p: password });
      expect(bad.body.errors?.[0]).toMatchObject({ message: 'wrong user name or password', extensions: { code: 'UNAUTHENTICATED' } });
      expect(bad.headers.get('set-cookie')).toBeNull();
    }
    const out = await api.gql('mutation { signOut }', {}, { cookie });
    expect(out.headers.get('set-cookie')).toMatch(/^cg_session=; .*Max-Age=0/);
    expect((await api.gql('{ me { name } }', {}, { cookie })).body).toEqual({ data: { me: null } });
  });

  it('sets Secure on the cookie over https', async () => {
    api = await createSecureTestApi();
    await api.users.addUser('bob', 'editor', 'bob-password-1');
    const response = await api.yoga.fetch('https://example.org/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { signIn(name: "bob", password: "bob-password-1") { name } }' }),
    });
    expect(response.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('gives each role what it may do, and names the role needed', async () => {
    api = await createSecureTestApi();
    const admin = await api.signedIn('root', 'admin');
    const editor = await api.signedIn('ed', 'editor');
    const viewer = await api.signedIn('vi', 'viewer');
    expect((await api.gql('{ users { name role } }', {}, admin)).body).toEqual({
      data: {
        users: [
          { name: 'ed', role: 'editor' },
          { name: 'root', role: 'admin' },
          { name: 'vi', role: 'viewer' },
        ],
      },
    });
    expect((await api.gql('{ users { name } }', {}, editor)).body.errors?.[0]?.message).toBe("query 'users' needs role 'admin'; 'ed' has role 'editor'");
    expect(codes(await api.gql('mutation { setUserRole(name: "vi", role: admin) { role } }', {}, viewer))).toEqual(['FORBIDDEN']);
    expect(codes(await api.gql('{ auditTrail { hasMore } }', {}, viewer))).toEqual(['FORBIDDEN']);
    expect((await api.gql('{ auditTrail(first: 1) { hasMore } }', {}, editor)).body.data).toBeTruthy();
    // Fragments and aliases cannot hide a root field from the check.
    const hidden = await api.gql('mutation { ...F } fragment F on Mutation { x: setUserRole(name: "vi", role: admin) { role } }', {}, editor);
    expect(codes(hidden)).toEqual(['FORBIDDEN']);
    expect((await api.gql('mutation { setUserRole(name: "vi", role: editor) { name role } }', {}, admin)).body).toEqual({
      data: { setUserRole: { name: 'vi', role: 'editor' } },
    });
  });

  it('API tokens: shown once, stored hashed, work as Bearer, stop working when revoked', async () => {
    api = await createSecureTestApi();
    const admin = await api.signedIn('root', 'admin');
    const created = await api.gql(
      'mutation { createApiToken(name: "nightly-import", role: editor) { token info { id name role createdBy revokedAt } } }',
      {},
      admin,
    );
    const { token, info } = (created.body.data as { createApiToken: { token: string; info: { id: string } } }).createApiToken;
    expect(token).toMatch(/^cgt_[\w-]{43}$/);
    expect(info).toMatchObject({ name: 'nightly-import', role: 'editor', createdBy: 'root', revokedAt: null });
    const stored = await api.store.run<{ properties: Record<string, unknown> }>('read/audit/entity-by-id', { id: info.id });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await api.gql('{ me { name role kind } }', {}, bearer(token))).body).toEqual({
      data: { me: { name: 'token:nightly-import', role: 'editor', kind: 'token' } },
    });
    await api.gql('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: info.id }, admin);
    const after = await api.gql('{ health { reachable } }', {}, bearer(token));
    expect(after.body.errors?.[0]).toEqual({
      message: "the API token is invalid or revoked: sign in to use query 'health': it needs role 'viewer'",
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('a wrong bearer token is refused even while anonymous reading is allowed', async () => {
    api = await createSecureTestApi({ open: true });
    expect(codes(await api.gql('{ health { reachable } }', {}, bearer('cgt_forged')))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('access control off (DISABLED_AUTH, for API tests)', () => {
  it('runs admin mutations without credentials', async () => {
    const store = await openTestStore();
    const yoga = createGraphQLServer({ store, auth: DISABLED_AUTH });
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { createUser(name: "x", password: "0123456789ab", role: viewer) { name } } ' }),
    });
    expect(await response.json()).toEqual({ data: { createUser: { name: 'x' } } });
    const audit = await store.run('read/audit/entries', { entityId: null, after: null });
    expect(audit).toEqual([]);
    await store.close();
  });
});
