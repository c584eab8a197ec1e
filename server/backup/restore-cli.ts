import { ConfigError, loadConfig } from '../config.ts';
import { createStore } from '../store/create-store.ts';
import { restoreDumpBackup, restoreEmbeddedBackup } from './backup-service.ts';

/**
 * `npx tsx server/backup/restore-cli.ts FILE [--data-dir DIR] [--store neo4j]`
 * with the server STOPPED: a `.grafeo` file replaces the embedded store's
 * graph once the backup is verified (the old store, WAL included, is kept in
 * a before-restore-<time> folder; a broken backup is refused, store untouched); a `.jsonl` dump replaces the content
 * of the configured store in one transaction.
 */
async function main(): Promise<void> {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || file.startsWith('--'))
    throw new ConfigError('usage: npx tsx server/backup/restore-cli.ts BACKUP_FILE [--data-dir DIR] [--store embedded|neo4j]');
  const config = loadConfig([...rest, '--no-seed']);
  if (file.endsWith('.grafeo')) {
    if (config.store !== 'embedded' || config.dataDir === ':memory:')
      throw new ConfigError('a .grafeo backup restores the embedded store only (with an on-disk --data-dir)');
    const { replaced, nodes, relationships } = await restoreEmbeddedBackup(file, config.dataDir);
    console.log(
      `restored ${file} (${nodes} nodes, ${relationships} relationships, verified) into ${config.dataDir}` +
        (replaced ? `; the previous store (with its WAL) is kept in ${replaced}: open it with --data-dir ${replaced}` : ''),
    );
    return;
  }
  const store = await createStore(config);
  try {
    const counts = await restoreDumpBackup(store, file);
    console.log(`restored ${counts.nodes} nodes and ${counts.relationships} relationships from ${file}`);
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  console.error(`restore failed: ${(e as Error).message}`);
  process.exit(1);
});
