/**
 * Preloaded (`--import`) into a server a test starts: when the server says it is
 * ready, prints the packages it has loaded through CommonJS (require's cache:
 * also those imported from ES modules) as `loaded-packages [...]`, and exits.
 */
import { createRequire } from 'node:module';

const log = console.log;
console.log = (...args: unknown[]) => {
  log(...args);
  if (!String(args[0]).includes(' ready on ')) return;
  const packages = new Set<string>();
  for (const file of Object.keys(createRequire(import.meta.url).cache)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    if (m) packages.add(m[1]!);
  }
  process.stdout.write(`loaded-packages ${JSON.stringify([...packages].sort())}\n`, () => process.exit(0));
};
