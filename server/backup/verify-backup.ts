import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { EmbeddedStore, type ReadOnlyGraph } from '../store/embedded-store.ts';

/** First bytes of every Grafeo 0.6 database file. */
const GRAFEO_MAGIC = Buffer.from('GRAF', 'latin1');

export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupCheck {
  nodes: number;
  relationships: number;
  bytes: number;
}

function readHead(file: string, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(length);
    return head.subarray(0, readSync(fd, head, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks a `.grafeo` backup before anything is touched: the file header, then
 * an open READ-ONLY (Grafeo checks every section's checksum and the file's
 * structure as it opens), then a count of what it holds. Throws a BackupError
 * that says what is wrong.
 */
export async function verifyGrafeoBackup(file: string): Promise<BackupCheck> {
  const bytes = statSync(file).size;
  if (bytes === 0) throw new BackupError(`${file}: the backup is empty (0 bytes)`);
  const head = readHead(file, GRAFEO_MAGIC.length);
  if (!head.equals(GRAFEO_MAGIC)) throw new BackupError(`${file}: not a Grafeo backup (the file does not start with the Grafeo header)`);
  let db: ReadOnlyGraph;
  try {
    db = EmbeddedStore.openReadOnly(file);
  } catch (e) {
    throw new BackupError(`${file}: the backup is damaged and cannot be restored: ${(e as Error).message}`);
  }
  try {
    const [row] = await db.run<{ nodes: number }>('read/backup/node-count');
    const nodes = Number(row?.nodes ?? -1);
    const recorded = db.recorded();
    if (nodes !== recorded.nodes) throw new BackupError(`${file}: the backup is inconsistent (${nodes} nodes counted, ${recorded.nodes} recorded)`);
    return { nodes, relationships: recorded.relationships, bytes };
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`${file}: the backup cannot be read: ${(e as Error).message}`);
  } finally {
    db.close();
  }
}

/** Refuses while another process (the server) holds the store open: its file lock is taken. */
export function assertStoreNotInUse(graphFile: string): void {
  try {
    EmbeddedStore.openReadOnly(graphFile).close();
  } catch (e) {
    const message = (e as Error).message;
    if (/cannot be locked|lock/i.test(message)) throw new BackupError(`${graphFile} is in use (is the server running?): stop it before restoring`);
    // A damaged current store is what a restore is for: it is kept as it is, below.
  }
}
