import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseDump, restoreDump } from '../services/dump/dump.ts';
import { dumpJsonLines, storeDumpSource } from '../services/dump/dump-pages.ts';
import { writeFileAsRead } from '../services/dump/write-file-as-read.ts';
import { GRAPH_FILE } from '../store/embedded-store.ts';
import type { Store } from '../store/store.ts';
import { assertStoreNotInUse, BackupError, verifyGrafeoBackup } from './verify-backup.ts';

/** Backup files: `backup-<UTC time>.grafeo` (embedded store copy) or `.jsonl` (dump, any store). */
const BACKUP_NAME = /^backup-\d{8}T\d{6}(\d{3})?Z\.(grafeo|jsonl)$/;

export interface BackupSchedule {
  dir: string;
  everyHours: number;
  keep: number;
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.(\d{3})Z$/, '$1Z');
}

/** Backups in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => BACKUP_NAME.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Writes one backup into `dir` and returns its path. The file appears under
 * its final name only when complete (written to a `.partial` name, then
 * renamed), so a crash never leaves a half backup that looks whole.
 */
export async function createBackup(store: Store, dir: string, now = new Date()): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const ext = store.backup ? 'grafeo' : 'jsonl';
  const file = path.join(dir, `backup-${stamp(now)}.${ext}`);
  if (!store.backup) {
    // A dump read in pages and written as read, under the same .partial name until complete.
    await writeFileAsRead(file, dumpJsonLines(storeDumpSource(store)));
    return file;
  }
  const partial = `${file}.partial`;
  rmSync(partial, { force: true, recursive: true });
  await store.backup(partial);
  renameSync(partial, file);
  return file;
}

/** Deletes all but the newest `keep` backups; returns the deleted paths. */
export function pruneBackups(dir: string, keep: number): string[] {
  const all = listBackups(dir);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const file of old) rmSync(file, { force: true, recursive: true });
  return old;
}

/** Backs up at start and then every `everyHours`, keeping `keep`; failures are logged, never fatal. */
export function scheduleBackups(store: Store, schedule: BackupSchedule, log: (line: string) => void = console.log): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      try {
        const file = await createBackup(store, schedule.dir);
        const pruned = pruneBackups(schedule.dir, schedule.keep);
        log(`backup written: ${file}${pruned.length ? ` (removed ${pruned.length} older)` : ''}`);
      } catch (e) {
        log(`backup FAILED in ${schedule.dir}: ${(e as Error).message}`);
      }
    });
  };
  run();
  const timer = setInterval(run, schedule.everyHours * 3_600_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Restores the embedded store in `dataDir` from a `.grafeo` backup, with the
 * server stopped. Nothing is touched until the backup has been verified
 * (header, checksums, opened read-only and counted: verify-backup.ts); a
 * broken backup is refused with the store as it was. The whole current store
 * — `graph.grafeo` AND its WAL `graph.grafeo.wal`, which after a crash holds
 * the writes since the last clean stop — is moved, not deleted, into
 * `before-restore-<time>/` in the data folder: open it with `--data-dir` to
 * get it back.
 */
export async function restoreEmbeddedBackup(
  backupFile: string,
  dataDir: string,
  now = new Date(),
): Promise<{ replaced: string | null; nodes: number; relationships: number }> {
  if (!backupFile.endsWith('.grafeo')) throw new BackupError(`${backupFile}: not a .grafeo backup (use restoreDumpBackup for .jsonl)`);
  if (!existsSync(backupFile)) throw new BackupError(`${backupFile}: no such backup`);
  const check = await verifyGrafeoBackup(backupFile);
  mkdirSync(dataDir, { recursive: true });
  const target = path.join(dataDir, GRAPH_FILE);
  if (existsSync(target)) assertStoreNotInUse(target);
  // The copy is verified too (a full disk or a bad read would show here), before the swap.
  const incoming = path.join(dataDir, `restoring-${stamp(now)}.grafeo`);
  rmSync(incoming, { force: true, recursive: true });
  try {
    copyFileSync(backupFile, incoming);
    await verifyGrafeoBackup(incoming);
  } catch (e) {
    rmSync(incoming, { force: true, recursive: true });
    throw e;
  }
  const current = readdirSync(dataDir).filter((f) => f === GRAPH_FILE || f.startsWith(`${GRAPH_FILE}.`));
  let replaced: string | null = null;
  if (current.length > 0) {
    replaced = path.join(dataDir, `before-restore-${stamp(now)}`);
    mkdirSync(replaced);
    for (const f of current) renameSync(path.join(dataDir, f), path.join(replaced, f));
  }
  renameSync(incoming, target);
  return { replaced, nodes: check.nodes, relationships: check.relationships };
}

/** Restores a `.jsonl` dump backup into a store, replacing its content in one transaction. */
export async function restoreDumpBackup(store: Store, backupFile: string): Promise<{ nodes: number; relationships: number }> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: createReadStream(backupFile, 'utf8'), crlfDelay: Infinity })) lines.push(line);
  return restoreDump(store, parseDump(lines), { replace: true });
}
