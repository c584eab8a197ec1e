/**
 * npm run restore -- FILE [--replace] [--store …] [--data-dir DIR]
 *
 * Restores a JSON-lines dump (npm run dump) in one transaction. Refuses a
 * store whose graph is not empty unless --replace, which deletes the graph in
 * the same transaction (users and audit entries are kept). Start the server
 * with --no-seed (or SEED_ON_START=false) first if the store should stay empty.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ConfigError, loadConfig } from '../config.ts';
import { ValidationError } from '../errors.ts';
import { parseDump, restoreDump } from '../services/dump/dump.ts';
import { splitCliArgs, UsageError } from './cli-args.ts';
import { createStore } from '../store/create-store.ts';

const USAGE = 'usage: npm run restore -- FILE [--replace]';

async function main(): Promise<void> {
  const { values, positionals, configArgs } = splitCliArgs(process.argv.slice(2), { replace: { type: 'boolean' } }, USAGE);
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const started = Date.now();
  const lines: string[] = [];
  for await (const line of createInterface({ input: createReadStream(positionals[0]!, 'utf8'), crlfDelay: Infinity })) lines.push(line);
  const dump = parseDump(lines);
  const store = await createStore(loadConfig(configArgs));
  try {
    const result = await restoreDump(store, dump, { replace: values.replace ?? false });
    console.log(`restored ${result.nodes} nodes and ${result.relationships} relationships (${Date.now() - started} ms)`);
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  const usage = e instanceof UsageError || e instanceof ConfigError || e instanceof ValidationError;
  console.error(usage ? (e as Error).message : `restore failed: ${(e as Error).stack ?? String(e)}`);
  process.exit(usage ? 2 : 1);
});
