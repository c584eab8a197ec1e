import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runServerWithPreload } from '../support/run-server.ts';

/**
 * What the server loads before it is ready (issue 17, tier L start): exceljs
 * (~0.5 s) only when a workbook is read or written, neo4j-driver (~0.3 s) only
 * on the Neo4j store. The server starts on an empty embedded store and reports
 * its packages when it says it is ready (test/support/loaded-packages.ts).
 */
describe('the server’s start', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'start-modules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('does not load the workbook library nor the Neo4j driver on the embedded store', async () => {
    const stdout = await runServerWithPreload('./test/support/loaded-packages.ts', dir);
    const line = stdout.split('\n').find((l) => l.startsWith('loaded-packages '));
    expect(line, stdout).toBeDefined();
    const packages = JSON.parse(line!.slice('loaded-packages '.length)) as string[];
    // the report sees CommonJS packages: the engine's binding is one
    expect(packages).toContain('@grafeo-db/js');
    expect(packages).not.toContain('exceljs');
    expect(packages).not.toContain('neo4j-driver');
  }, 90_000);
});
