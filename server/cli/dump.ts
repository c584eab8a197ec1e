/**
 * npm run dump -- --out FILE [--format jsonl|cypher] [--store …] [--data-dir DIR]
 *
 * jsonl (default): the whole graph as JSON lines (header, one line per node,
 * one per relationship), restorable with `npm run restore`. cypher: statements
 * that load the graph into an empty Neo4j 5 database (cypher-shell -f FILE).
 * Security records (users, tokens, sessions, audit entries) are never dumped.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { ConfigError, loadConfig } from '../config.ts';
import { ValidationError } from '../errors.ts';
import { cypherExport } from '../services/dump/cypher-export.ts';
import { dumpLines, readDump } from '../services/dump/dump.ts';
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
    const dump = await readDump(store);
    const out = createWriteStream(values.out, 'utf8');
    const chunks =
      format === 'cypher'
        ? cypherExport(dump)
        : (function* () {
            for (const line of dumpLines(dump)) yield `${line}\n`;
          })();
    for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    console.log(`${values.out}: ${dump.header.nodes} nodes, ${dump.header.relationships} relationships (${format}, ${Date.now() - started} ms)`);
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  const usage = e instanceof UsageError || e instanceof ConfigError || e instanceof ValidationError;
  console.error(usage ? (e as Error).message : `dump failed: ${(e as Error).stack ?? String(e)}`);
  process.exit(usage ? 2 : 1);
});
