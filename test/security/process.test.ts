import { request } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../server/audit/audit-service.ts';
import { createBackup, listBackups, pruneBackups, restoreEmbeddedBackup } from '../../server/backup/backup-service.ts';
import { runChild as run } from '../support/child.ts';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const temp = mkdtempSync(path.join(tmpdir(), 'chain-graph-security-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function auditCount(dir: string): Promise<number> {
  const store = EmbeddedStore.open(dir);
  try {
    const rows = await store.run<{ name: string; count: number }>('read/graph-counts');
    return rows.find((r) => r.name === 'AuditEntry')?.count ?? 0;
  } finally {
    await store.close();
  }
}

describe('crash safety', () => {
  it('a process killed (SIGKILL) in the middle of a batch write restarts with the data as before it', async () => {
    const dir = path.join(temp, 'crash');
    const script = path.join(temp, 'crash-child.mts');
    const url = (p: string) => pathToFileURL(path.join(ROOT, p)).href;
    writeFileSync(
      script,
      `import { EmbeddedStore } from '${url('server/store/embedded-store.ts')}';
import { AuditService } from '${url('server/audit/audit-service.ts')}';
const store = EmbeddedStore.open(${JSON.stringify(dir)});
await store.applySchema();
const audit = new AuditService(store);
const entry = { actor: 'crash-test', actorKind: 'system', role: 'admin', operation: null, field: 'batch', args: '{}', entityId: null, entityLabel: null, before: null, after: null, ok: true, summary: '' };
for (let i = 0; i < 5; i++) await audit.record(entry);
console.log('BASE');
await store.transaction(async (tx) => {
  for (let i = 0; i < 100000; i++) {
    await audit.record({ ...entry, summary: 'batch ' + i }, tx);
    if (i === 300) console.log('MID');
  }
});
console.log('DONE');
`,
    );
    const child = run([script]);
    await child.waitFor('MID');
    child.child.kill('SIGKILL');
    await child.exited;
    expect(child.output()).not.toContain('DONE');
    expect(await auditCount(dir)).toBe(5);
  });
});

describe('the real server process', () => {
  it('enforces access control, backs up at start, and on SIGTERM finishes, closes the store and exits 0', async () => {
    const dir = path.join(temp, 'server');
    const backups = path.join(temp, 'server-backups');
    const server = run(['server/main.ts', '--data-dir', dir, '--port', '0', '--no-seed', '--backup-dir', backups, '--backup-keep', '2']);
    await server.waitFor('ready on embedded store');
    const port = /127\.0\.0\.1:(\d+)\//.exec(server.output())![1];
    expect(server.output()).toContain('npm run user -- --data-dir');
    const post = (query: string) =>
      fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then(
        (r) => r.json(),
      );
    expect(await post('{ me { role } }')).toEqual({ data: { me: { role: 'viewer' } } });
    expect(await post('mutation { createUser(name: "x", password: "0123456789ab", role: admin) { name } }')).toMatchObject({
      errors: [{ extensions: { code: 'FORBIDDEN' } }],
    });
    await server.waitFor('backup written');
    // A request in flight: headers and half the body sent, then SIGTERM, then the rest.
    const body = JSON.stringify({ query: '{ health { reachable } }' });
    const answer = new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: Number(port),
          path: '/graphql',
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve(text));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 300);
    });
    expect(JSON.parse(await answer)).toEqual({ data: { health: { reachable: true } } });
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM: finishing requests in flight and closing the store');
    expect(listBackups(backups)).toHaveLength(1);
    // The store was closed: its file lock is free and the refused mutation left no user.
    const store = EmbeddedStore.open(dir);
    expect(await store.run('read/auth/users')).toEqual([]);
    await store.close();
  });

  it('npm run user adds, lists and removes users (password on stdin)', async () => {
    const dir = path.join(temp, 'users');
    const add = run(['server/cli/user.ts', 'add', 'chen', '--role', 'editor', '--password-stdin', '--data-dir', dir], 'chen-password-1\n');
    expect(await add.exited).toBe(0);
    expect(add.output()).toContain('added chen (editor)');
    const short = run(['server/cli/user.ts', 'add', 'li', '--role', 'viewer', '--password-stdin', '--data-dir', dir], 'short\n');
    expect(await short.exited).toBe(1);
    expect(short.output()).toContain('password must have at least 10 characters');
    const list = run(['server/cli/user.ts', 'list', '--data-dir', dir]);
    expect(await list.exited).toBe(0);
    expect(list.output()).toMatch(/^chen\teditor\t\d{4}-/m);
    const remove = run(['server/cli/user.ts', 'remove', 'chen', '--data-dir', dir]);
    expect(await remove.exited).toBe(0);
    expect(remove.output()).toContain('removed chen');
  });
});

describe('backups', () => {
  it('writes complete backups, keeps the newest N, and restores one into a data folder', async () => {
    const dir = path.join(temp, 'live');
    const backupDir = path.join(temp, 'backups');
    const store = EmbeddedStore.open(dir);
    await store.applySchema();
    const audit = new AuditService(store);
    const entry = {
      actor: 'backup-test',
      actorKind: 'system',
      role: 'admin' as const,
      operation: null,
      field: 'x',
      args: '{}',
      entityId: null,
      entityLabel: null,
      before: null,
      after: null,
      ok: true,
      summary: '',
    };
    await audit.record(entry);
    const first = await createBackup(store, backupDir, new Date('2025-01-01T00:00:00Z'));
    await audit.record(entry);
    await createBackup(store, backupDir, new Date('2025-01-02T00:00:00Z'));
    await audit.record(entry);
    const third = await createBackup(store, backupDir, new Date('2025-01-03T00:00:00Z'));
    await store.close();
    expect(readdirSync(backupDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(pruneBackups(backupDir, 2)).toEqual([first]);
    expect(listBackups(backupDir).map((f) => path.basename(f))).toEqual(['backup-20250102T000000000Z.grafeo', 'backup-20250103T000000000Z.grafeo']);

    const restored = path.join(temp, 'restored');
    expect((await restoreEmbeddedBackup(third, restored)).replaced).toBeNull();
    expect(await auditCount(restored)).toBe(3);
    const again = await restoreEmbeddedBackup(listBackups(backupDir)[0]!, restored);
    expect(again.replaced && existsSync(again.replaced)).toBe(true);
    expect(await auditCount(restored)).toBe(2);
  });
});
