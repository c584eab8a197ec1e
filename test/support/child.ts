import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A child `node --import tsx ARGS` in the repository, its output collected, with a wait for a line of it. */
export function runChild(
  args: string[],
  input?: string,
): { child: ChildProcess; output: () => string; exited: Promise<number | null>; waitFor(text: string, ms?: number): Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  if (input !== undefined) child.stdin!.end(input);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (text: string, ms = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for '${text}'; output so far:\n${out}`)), ms);
      const check = () => {
        if (out.includes(text)) {
          clearTimeout(timer);
          resolve();
        } else if (child.exitCode !== null) {
          clearTimeout(timer);
          reject(new Error(`process exited (${child.exitCode}) before '${text}':\n${out}`));
        } else setTimeout(check, 25);
      };
      check();
    });
  return { child, output: () => out, exited, waitFor };
}
