import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `npm run export -- …`. */
function exportCli(args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/export.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('npm run export on a store that holds nothing', () => {
  const empty = mkdtempSync(path.join(tmpdir(), 'export-empty-'));
  const out = mkdtempSync(path.join(tmpdir(), 'export-out-'));
  afterAll(() => {
    rmSync(empty, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it.each([['gaps'], ['enterprises'], ['report', '--month', '2026-10']])('%s names the empty store instead of writing an empty file', (...args) => {
    const r = exportCli([...args, '--data-dir', empty, '--out', path.join(out, 'table.xlsx')]);
    expect(r.status).toBe(2);
    expect(r.output).toContain(`the store in ${empty} is empty (no chain)`);
    expect(readdirSync(out)).toEqual([]);
  });
});
