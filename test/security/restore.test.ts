import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackup, restoreEmbeddedBackup } from '../../server/backup/backup-service.ts';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';
import { auditEntry } from '../support/audit-entry.ts';
import { ROOT, runChild } from '../support/child.ts';

/** Issue 18 findings 2 and 3: a restore must never lose data, and must refuse a broken backup. */
const temp = mkdtempSync(path.join(tmpdir(), 'i18-restore-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const url = (p: string) => pathToFileURL(path.join(ROOT, p)).href;

async function countsOf(dir: string): Promise<Record<string, number>> {
  const store = EmbeddedStore.open(dir);
  try {
    const rows = await store.run<{ name: string; count: number }>('read/graph-counts');
    return Object.fromEntries(rows.map((r) => [r.name, r.count]));
  } finally {
    await store.close();
  }
}

/** A store in `dir` with `n` audit entries, closed cleanly, and a backup of it. */
async function storeWithBackup(dir: string, backups: string, n: number): Promise<string> {
  const store = EmbeddedStore.open(dir);
  await store.applySchema();
  for (let i = 0; i < n; i++) await store.run('write/audit/record', auditEntry(`base ${i}`));
  const file = await createBackup(store, backups);
  await store.close();
  return file;
}

function snapshotOf(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = statSync(p).size;
    }
  };
  walk(dir);
  return out;
}

describe('restore after a crash (finding 2)', () => {
  it('keeps the writes a SIGKILLed server had only in its WAL, in the kept copy', async () => {
    const dir = path.join(temp, 'crashed');
    const backup = await storeWithBackup(dir, path.join(temp, 'crash-backups'), 3);
    // A "server" that writes after the backup and is killed before a clean stop.
    const script = path.join(temp, 'writer.mts');
    writeFileSync(
      script,
      `import { EmbeddedStore } from '${url('server/store/embedded-store.ts')}';
const store = EmbeddedStore.open(${JSON.stringify(dir)});
await store.run('write/audit/record', ${JSON.stringify(auditEntry('after the backup'))});
console.log('WRITTEN');
setInterval(() => undefined, 1000);
`,
    );
    const child = runChild([script]);
    await child.waitFor('WRITTEN');
    child.child.kill('SIGKILL');
    await child.exited;
    expect(existsSync(path.join(dir, 'graph.grafeo.wal'))).toBe(true);

    const result = await restoreEmbeddedBackup(backup, dir);
    expect(result.nodes).toBeGreaterThan(0);
    expect((await countsOf(dir)).AuditEntry).toBe(3);
    // The kept copy is the whole store as it was: WAL included, so the 4th entry is there.
    expect(readdirSync(result.replaced!).sort()).toEqual(['graph.grafeo', 'graph.grafeo.wal']);
    expect((await countsOf(result.replaced!)).AuditEntry).toBe(4);
  }, 60_000);
});

describe('broken backups are refused, the store untouched (finding 3)', () => {
  const cases: [string, (good: Buffer) => Buffer, RegExp][] = [
    ['empty', () => Buffer.alloc(0), /the backup is empty/],
    ['truncated', (good) => good.subarray(0, Math.floor(good.length / 2)), /the backup is damaged and cannot be restored: .*damaged/],
    [
      'corrupted in the middle',
      (good) => {
        // The middle of the data (the file's pages have zero slack, which carries nothing).
        const data = [...good.keys()].filter((i) => good[i] !== 0);
        const bad = Buffer.from(good);
        const at = data[Math.floor(data.length / 2)]!;
        for (let i = 0; i < 16; i++) bad[at + i]! ^= 0xff;
        return bad;
      },
      /the backup is damaged and cannot be restored: .*checksum/,
    ],
    ['not a Grafeo file', () => Buffer.from('{"format":"chain-graph-dump"}\n'), /not a Grafeo backup/],
  ];

  it.each(cases)('%s: the API refuses it, the store and its files are as before', async (name, damage, message) => {
    const dir = path.join(temp, `live-${name.replace(/\W/g, '')}`);
    const backups = path.join(temp, `backups-${name.replace(/\W/g, '')}`);
    const good = await storeWithBackup(dir, backups, 2);
    const bad = path.join(backups, 'backup-20250101T000000000Z.grafeo');
    writeFileSync(bad, damage(readFileSync(good)));
    const before = snapshotOf(dir);
    await expect(restoreEmbeddedBackup(bad, dir)).rejects.toThrow(message);
    expect(snapshotOf(dir)).toEqual(before);
    expect((await countsOf(dir)).AuditEntry).toBe(2);
  });

  it('the restore command says why and exits 1; the store still opens with its data', async () => {
    const dir = path.join(temp, 'cli');
    const backups = path.join(temp, 'cli-backups');
    const good = await storeWithBackup(dir, backups, 2);
    const bad = path.join(backups, 'backup-20250101T000000000Z.grafeo');
    writeFileSync(bad, readFileSync(good).subarray(0, 5000));
    const restore = runChild(['server/backup/restore-cli.ts', bad, '--data-dir', dir]);
    expect(await restore.exited).toBe(1);
    expect(restore.output()).toMatch(/restore failed: .*the backup is damaged and cannot be restored/);
    expect(restore.output()).not.toMatch(/^restored /m);
    expect((await countsOf(dir)).AuditEntry).toBe(2);

    const ok = runChild(['server/backup/restore-cli.ts', good, '--data-dir', dir]);
    expect(await ok.exited).toBe(0);
    expect(ok.output()).toMatch(/restored .* \(\d+ nodes, \d+ relationships, verified\).*kept in .*before-restore-/);
  }, 60_000);

  it('refuses while the store is open in another process', async () => {
    const dir = path.join(temp, 'busy');
    const good = await storeWithBackup(dir, path.join(temp, 'busy-backups'), 1);
    const holder = EmbeddedStore.open(dir);
    try {
      await expect(restoreEmbeddedBackup(good, dir)).rejects.toThrow(/is in use \(is the server running\?\)/);
    } finally {
      await holder.close();
    }
  });
});
