import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Runs the real server (`server/main.ts`, embedded store in `dataDir`, no seed, any port) with a preload of
 * test/support/ that reports on it and makes it exit; resolves to what it printed. `nodeFlags` go before the preloads.
 */
export async function runServerWithPreload(preload: string, dataDir: string, nodeFlags: string[] = [], timeoutMs = 60_000): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', '--import', preload, 'server/main.ts', '--store', 'embedded', '--data-dir', dataDir, '--port', '0', '--no-seed'],
    { env: { ...process.env, NODE_ENV: 'production' }, timeout: timeoutMs },
  );
  return stdout;
}
