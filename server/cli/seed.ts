/**
 * npm run seed [-- --reset [--yes]] [--dir SEEDS_DIR] [--store embedded|neo4j] [--data-dir DIR]
 *
 * Loads seeds/ into the configured store (MERGE on id: running it twice changes
 * nothing). --reset empties the store first, after a confirmation on stdin
 * unless --yes is given. Store flags are those of the server (server/config.ts).
 */
import { createInterface } from 'node:readline/promises';
import { loadConfig, ConfigError } from '../config.ts';
import { createStore } from '../store/create-store.ts';
import { loadSeeds, resetStore, SeedError, type SeedSummary } from '../services/seed/load-seeds.ts';

interface SeedFlags {
  reset: boolean;
  yes: boolean;
  dir: string | undefined;
  rest: string[];
}

/** Takes this command's own flags out of argv; the rest goes to loadConfig, whose parser is strict. */
export function splitSeedFlags(argv: string[]): SeedFlags {
  const flags: SeedFlags = { reset: false, yes: false, dir: undefined, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--reset') flags.reset = true;
    else if (arg === '--yes' || arg === '-y') flags.yes = true;
    else if (arg === '--dir') flags.dir = argv[++i];
    else if (arg.startsWith('--dir=')) flags.dir = arg.slice('--dir='.length);
    else flags.rest.push(arg);
  }
  return flags;
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(question);
    return /^(y|yes|是)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export function formatSummary(summary: SeedSummary): string {
  const rows = Object.entries(summary);
  const width = Math.max(...rows.map(([k]) => k.length), 'records'.length);
  const lines = [`${'kind'.padEnd(width)}  records`, `${'-'.repeat(width)}  -------`];
  for (const [kind, n] of rows) lines.push(`${kind.padEnd(width)}  ${String(n).padStart(7)}`);
  lines.push(`${'total'.padEnd(width)}  ${String(rows.reduce((s, [, n]) => s + n, 0)).padStart(7)}`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const flags = splitSeedFlags(process.argv.slice(2));
  const config = loadConfig(flags.rest);
  const where = config.store === 'neo4j' ? config.neo4j.uri : config.dataDir;
  const store = await createStore(config);
  try {
    if (flags.reset) {
      if (!flags.yes && !(await confirm(`Delete EVERY node and relationship in the ${config.store} store at ${where}? [y/N] `))) {
        console.error('aborted: nothing changed');
        return 1;
      }
      await resetStore(store);
      console.log(`emptied the ${config.store} store at ${where}`);
    }
    const started = Date.now();
    const summary = await loadSeeds(store, { dir: flags.dir });
    console.log(`loaded seeds into the ${config.store} store at ${where} in ${Date.now() - started} ms (enterprise data is SAMPLE data)`);
    console.log(formatSummary(summary));
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof SeedError || e instanceof ConfigError) console.error(`seed: ${e.message}`);
    else console.error(e);
    process.exit(1);
  },
);
