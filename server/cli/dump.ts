/**
 * npm run dump -- --out FILE [--format jsonl|cypher] [--store …] [--data-dir DIR]
 *
 * jsonl (default): the whole graph as JSON lines (header, one line per node,
 * one per relationship), restorable with `npm run restore`. cypher: statements
 * that load the graph into an empty Neo4j 5 database (cypher-shell -f FILE).
 * Security records (users, tokens, sessions, audit entries) are never dumped.
 * The store is read in pages (no query over the whole graph) and the file is
 * written as it is read, under FILE.partial until complete.
 */
import { ConfigError, loadConfig } from '../config.ts';
import { ValidationError } from '../errors.ts';
import { cypherExport } from '../services/dump/cypher-export.ts';
import { dumpJsonLines, storeDumpSource } from '../services/dump/dump-pages.ts';
import { writeFileAsRead } from '../services/dump/write-file-as-read.ts';
import { splitCliArgs, UsageError } from './cli-args.ts';
import { createStore } from '../store/create-store.ts';

const USAGE = 'usage: npm run dump -- --out FILE [--format jsonl|cypher]';

async function main(): Promise<void> {
  const { values, positionals, configArgs } = splitCliArgs(process.argv.slice(2), { out: { type: 'string' }, format: { type: 'string' } }, USAGE);
  const format = values.format ?? 'jsonl';
  if (!values.out || positionals.length || !['jsonl', 'cypher'].includes(format)) throw new UsageError(USAGE);
  const store = await createStore(loadConfig(configArgs));
  try {
    const started = Date.now();
    const source = storeDumpSource(store);
    const { nodes, relationships } = await source.counts();
    // Read and written a page at a time; the file appears under its name only once complete and checked.
    await writeFileAsRead(values.out, format === 'cypher' ? cypherExport(source) : dumpJsonLines(source));
    console.log(`${values.out}: ${nodes} nodes, ${relationships} relationships (${format}, ${Date.now() - started} ms)`);
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  const usage = e instanceof UsageError || e instanceof ConfigError || e instanceof ValidationError;
  console.error(usage ? (e as Error).message : `dump failed: ${(e as Error).stack ?? String(e)}`);
  process.exit(usage ? 2 : 1);
});
