import { afterEach, describe, expect, it } from 'vitest';
import { AuditService, auditJson } from '../../server/audit/audit-service.ts';
import { createSecureTestApi } from '../support/auth.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';

type Api = Awaited<ReturnType<typeof createSecureTestApi>>;
let api: Api | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

interface Entry {
  actor: string;
  field: string;
  ok: boolean;
  entityId: string | null;
  entityLabel: string | null;
  before: string | null;
  after: string | null;
  args: string;
  summary: string;
}

describe('audit trail', () => {
  it('records every mutation with who, what, before and after, and hides secrets', async () => {
    api = await createSecureTestApi();
    const admin = await api.signedIn('root', 'admin');
    await api.users.addUser('vi', 'viewer', 'viewer-password-1');
    await api.gql('mutation SetRole { setUserRole(name: "vi", role: editor) { role } }', {}, admin);
    const created = await api.gql('mutation { createApiToken(name: "etl", role: editor) { token info { id } } }', {}, admin);
    const { token, info } = (created.body.data as { createApiToken: { token: string; info: { id: string } } }).createApiToken;
    await api.gql('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: info.id }, admin);
    await api.gql('mutation { setUserRole(name: "root", role: viewer) { role } }'); // anonymous: refused, still recorded

    const page = await api.gql(
      '{ auditTrail(first: 10) { hasMore endCursor entries { actor field ok entityId entityLabel before after args summary } } }',
      {},
      admin,
    );
    const entries = (page.body.data as { auditTrail: { entries: Entry[] } }).auditTrail.entries;
    expect(entries.map((e) => [e.actor, e.field, e.ok])).toEqual([
      ['anonymous', 'setUserRole', false],
      ['root', 'revokeApiToken', true],
      ['root', 'createApiToken', true],
      ['root', 'setUserRole', true],
      ['anonymous (as root)', 'signIn', true],
    ]);
    const revoke = entries[1]!;
    expect(revoke.entityId).toBe(info.id);
    expect(revoke.entityLabel).toBe('ApiToken');
    expect(JSON.parse(revoke.before!)).toMatchObject({ name: 'etl', tokenHash: '[redacted]' });
    expect(JSON.parse(revoke.before!).revokedAt).toBeUndefined();
    expect(JSON.parse(revoke.after!).revokedAt).toMatch(/^\d{4}-/);
    expect(entries[0]!.summary).toBe("UNAUTHENTICATED: sign in to use mutation 'setUserRole': it needs role 'admin'");
    const all = JSON.stringify(entries);
    expect(all).not.toContain(token);
    expect(all).not.toContain('pw-root');
    expect(JSON.parse(entries[4]!.args)).toEqual({ name: 'root', password: '[redacted]' });

    const forToken = await api.gql('query($id: ID) { auditTrail(entityId: $id) { entries { field } } }', { id: info.id }, admin);
    expect(forToken.body.data).toEqual({ auditTrail: { entries: [{ field: 'revokeApiToken' }, { field: 'createApiToken' }] } });
  });

  it('records a created project or enterprise under its new id, not the area it names, with before and after', async () => {
    api = await createSecureTestApi();
    await loadSeeds(api.store);
    const editor = await api.signedIn('ed', 'editor');
    const project = await api.gql('mutation { createProject(input: { name: "审计测试项目", areaId: "area:chaohu" }) { id } }', {}, editor);
    const enterprise = await api.gql('mutation { createEnterprise(input: { name: "审计测试企业", areaId: "area:anchao" }) { id } }', {}, editor);
    const projectId = (project.body.data as { createProject: { id: string } }).createProject.id;
    const enterpriseId = (enterprise.body.data as { createEnterprise: { id: string } }).createEnterprise.id;
    await api.gql('mutation($id: ID!) { changeProjectStage(id: $id, stage: SIGNED) { id } }', { id: projectId }, editor);
    const page = await api.gql('{ auditTrail(first: 5) { entries { field entityId entityLabel before after } } }', {}, editor);
    const entries = (page.body.data as { auditTrail: { entries: Entry[] } }).auditTrail.entries;
    // a project's before and after are kept too (the audit's entity lookup knew no Project)
    const stage = entries.find((e) => e.field === 'changeProjectStage')!;
    expect([JSON.parse(stage.before!).stage, JSON.parse(stage.after!).stage]).toEqual(['lead', 'signed']);
    expect(entries.find((e) => e.field === 'createProject')).toMatchObject({ entityId: projectId, entityLabel: 'Project' });
    expect(JSON.parse(entries.find((e) => e.field === 'createProject')!.after!)).toMatchObject({ name: '审计测试项目' });
    expect(entries.find((e) => e.field === 'createEnterprise')).toMatchObject({ entityId: enterpriseId, entityLabel: 'Enterprise' });
  });

  it('records a lead started from a candidate under the new project, not the enterprise it names', async () => {
    api = await createSecureTestApi();
    await loadSeeds(api.store);
    const editor = await api.signedIn('ed', 'editor');
    const started = await api.gql('mutation { startLead(enterpriseId: "ent:s0153", gapId: "gap:fill:seg:bms:area:anchao") { id } }', {}, editor);
    const projectId = (started.body.data as { startLead: { id: string } }).startLead.id;
    const page = await api.gql('{ auditTrail(first: 5) { entries { field entityId entityLabel before after } } }', {}, editor);
    const entry = (page.body.data as { auditTrail: { entries: Entry[] } }).auditTrail.entries.find((e) => e.field === 'startLead')!;
    expect(entry).toMatchObject({ entityId: projectId, entityLabel: 'Project', before: null });
    expect(JSON.parse(entry.after!)).toMatchObject({ stage: 'lead' });
  });

  it('pages with a cursor and exports CSV safe for spreadsheets', async () => {
    api = await createSecureTestApi();
    const audit = new AuditService(api.store);
    for (let i = 0; i < 7; i++) {
      await audit.record({
        actor: i === 6 ? '=HYPERLINK("http://evil")' : `u${i}`,
        actorKind: 'user',
        role: 'editor',
        operation: null,
        field: 'saveGap',
        args: '{}',
        entityId: `gap:${i % 2}`,
        entityLabel: 'Gap',
        before: null,
        after: null,
        ok: true,
        summary: 'a, "b"',
      });
    }
    const first = await audit.page({ first: 3 });
    expect(first.entries.map((e) => e.actor)).toEqual(['=HYPERLINK("http://evil")', 'u5', 'u4']);
    expect(first.hasMore).toBe(true);
    const second = await audit.page({ first: 3, after: first.endCursor });
    expect(second.entries.map((e) => e.actor)).toEqual(['u3', 'u2', 'u1']);
    const last = await audit.page({ first: 3, after: second.endCursor });
    expect(last).toMatchObject({ hasMore: false, endCursor: null });
    expect(last.entries.map((e) => e.actor)).toEqual(['u0']);
    expect((await audit.page({ entityId: 'gap:1' })).entries).toHaveLength(3);
    await expect(audit.page({ first: 0 })).rejects.toThrow('first must be an integer from 1 to 500');

    const csv = await audit.csv();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe('id,at,actor,actorKind,role,operation,field,entityId,entityLabel,ok,summary,args,before,after');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain('"a, ""b"""');
  });

  it('auditJson describes files and cuts long text', () => {
    const file = new File(['x'.repeat(10)], 'firms.xlsx', { type: 'application/vnd.ms-excel' });
    expect(JSON.parse(auditJson({ file, note: 'y'.repeat(600), apiToken: 'secret' }))).toEqual({
      file: { file: 'firms.xlsx', size: 10, type: 'application/vnd.ms-excel' },
      note: `${'y'.repeat(500)}…(600 chars)`,
      apiToken: '[redacted]',
    });
  });
});
