import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Flags of loadConfig (server/config.ts) that every CLI accepts and hands on unchanged. */
const CONFIG_OPTIONS = {
  store: { type: 'string' },
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'no-seed': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Parses a CLI's own flags strictly and returns the store flags (--store,
 * --data-dir …) rebuilt as arguments for loadConfig, which parses strictly too.
 */
export function splitCliArgs<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], own: O, usage: string) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...own, ...CONFIG_OPTIONS }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${usage}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const configArgs: string[] = [];
  for (const [name, def] of Object.entries(CONFIG_OPTIONS)) {
    const v = values[name];
    if (v === undefined) continue;
    if (def.type === 'boolean') {
      if (v) configArgs.push(`--${name}`);
    } else configArgs.push(`--${name}`, String(v));
  }
  const ownValues = Object.fromEntries(Object.keys(own).map((k) => [k, values[k]])) as { [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : string };
  return { values: ownValues, positionals: parsed.positionals, configArgs };
}
