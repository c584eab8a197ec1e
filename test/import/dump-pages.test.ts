import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../server/backup/backup-service.ts';
import { cypherExport } from '../../server/services/dump/cypher-export.ts';
import {
  DUMP_PAGE,
  dumpJsonLines,
  memoryDumpSource,
  nodePageQuery,
  outPageQuery,
  readDump,
  RELATIONSHIP_GROUPS,
  storeDumpSource,
} from '../../server/services/dump/dump-pages.ts';
import { DUMP_LABELS, dumpLines, parseDump, restoreDump } from '../../server/services/dump/dump.ts';
import { writeFileAsRead } from '../../server/services/dump/write-file-as-read.ts';
import { enterprisePages, ENTERPRISE_HEADERS, writeEnterpriseFile } from '../../server/services/export/export-tables.ts';
import { tableChunks, type TableRows } from '../../server/services/export/table-file.ts';
import { SyntheticGraph } from '../../server/services/generate/generate.ts';
import { loadGenerated } from '../../server/services/generate/load.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { cypherLibrary } from '../../server/store/cypher-library.ts';
import { queryRunner, uncheckedRun, type Params, type Store } from '../../server/store/store.ts';
import { openTestStore, runRawCypher } from '../support/test-store.ts';
import { readWholeDump } from '../support/whole-dump.ts';

/**
 * Issue 17, tier L: the dump, the backup of a Neo4j store and the enterprise list export read the whole store
 * in one query each, which at 1M enterprises / 5M supplies outlasts Grafeo's 30 s query limit and holds the
 * graph in the JS heap. They read in keyset pages now: a small page on a generated graph shows it (no query
 * returns more than a page) and that the output is what the whole-store read gave, byte for byte.
 */

const collect = async (chunks: AsyncIterable<string | Uint8Array>) => {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c));
  return Buffer.concat(parts);
};

/** The store, with the most rows any one run of each query returned. */
function spied(store: Store): { runner: Store; most: Map<string, number> } {
  const most = new Map<string, number>();
  const run = uncheckedRun(store);
  const runner = {
    ...queryRunner(async <T>(name: string, params?: Params) => {
      const rows = await run<T>(name, params);
      most.set(name, Math.max(most.get(name) ?? 0, rows.length));
      return rows;
    }),
  } as unknown as Store;
  return { runner, most };
}

let store: Store;
let dir: string;
beforeAll(async () => {
  store = await openTestStore();
  await loadSeeds(store);
  // Enterprises of one segment and name prefix share names' first characters: pages of 7 split runs of equal-prefix names.
  await loadGenerated(store, new SyntheticGraph({ enterprises: 240, supplies: 700, seed: 17 }));
  dir = mkdtempSync(path.join(tmpdir(), 'dump-pages-'));
}, 240_000);
afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('dump in pages', () => {
  it('has a page query for every label and every start label of the model', () => {
    const library = cypherLibrary();
    for (const label of DUMP_LABELS) expect(library.has(nodePageQuery(label)), label).toBe(true);
    for (const { startLabel } of RELATIONSHIP_GROUPS) expect(library.has(outPageQuery(startLabel)), startLabel).toBe(true);
  });

  it('reads no more than a page per query, and never the whole store', async () => {
    const { runner, most } = spied(store);
    await readDump(runner, { page: 7 });
    const reads = [...most.keys()].filter((n) => n.startsWith('read/dump/'));
    expect(reads).not.toContain('read/dump/nodes');
    expect(reads).not.toContain('read/dump/relationships');
    for (const name of reads.filter((n) => /\/(nodes|out)-/.test(n))) expect(most.get(name), name).toBeLessThanOrEqual(7);
    expect(most.get('read/dump/nodes-enterprise')).toBe(7);
  });

  it.each([1, 7, DUMP_PAGE])(
    'gives, at pages of %i, the bytes the whole-store read gave (.jsonl and Cypher)',
    async (page) => {
      const whole = await readWholeDump(store);
      expect(whole.nodes.length).toBeGreaterThan(500);
      const expected = [...dumpLines(whole)].map((l) => `${l}\n`).join('');
      expect((await collect(dumpJsonLines(storeDumpSource(store, page)))).toString('utf8')).toBe(expected);
      const cypher = (await collect(cypherExport(storeDumpSource(store, page), 50))).toString('utf8');
      expect(cypher).toBe((await collect(cypherExport(memoryDumpSource(whole), 50))).toString('utf8'));
      expect(cypher).toContain('MATCH (a:Target {id: r.s})\nMATCH (b:Chain {id: r.e})\nCREATE (a)-[x:MEASURES]->(b)');
    },
    120_000,
  );

  it('writes a backup of a store without file copies (Neo4j) as the paged dump, and the dump restores the same graph', async () => {
    const file = await createBackup(queryRunner(uncheckedRun(store)) as unknown as Store, dir, new Date('2026-11-30T00:00:00Z'));
    expect(file.endsWith('.jsonl')).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe([...dumpLines(await readWholeDump(store))].map((l) => `${l}\n`).join(''));
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    // On Neo4j a second store is the same database, emptied: the source is read above, restored into it below.
    const target = await openTestStore();
    try {
      await restoreDump(target, parseDump(text.split('\n')));
      expect([...dumpLines(await readDump(target, { page: 5 }))].map((l) => `${l}\n`).join('')).toBe(text);
    } finally {
      if (target !== store) await target.close();
      // the suite's store is reloaded for the tests after this one
      await restoreDump(store, parseDump(text.split('\n')), { replace: true });
    }
  }, 240_000);

  it('leaves no file, and no partial one, when a dump fails part-way; an older file of the name stays as it was', async () => {
    const file = path.join(dir, 'graph.jsonl');
    writeFileSync(file, 'the previous dump\n');
    let pages = 0;
    const failing = queryRunner(async <T>(name: string, params?: Params) => {
      if (name.startsWith('read/dump/out-') && ++pages === 3) throw new Error('connection lost');
      return uncheckedRun(store)<T>(name, params);
    });
    await expect(writeFileAsRead(file, dumpJsonLines(storeDumpSource(failing, 7)))).rejects.toThrow(/connection lost/);
    expect(readFileSync(file, 'utf8')).toBe('the previous dump\n');
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it('refuses a graph its pages do not add up to (a node without a string id), leaving no file', async () => {
    const file = path.join(dir, 'odd.jsonl');
    await runRawCypher(store, "CREATE (:Area {name: '无编号地区'})");
    try {
      await expect(writeFileAsRead(file, dumpJsonLines(storeDumpSource(store, 7)))).rejects.toThrow(/inconsistent.*without a string id/);
      expect(existsSync(file) || existsSync(`${file}.partial`)).toBe(false);
    } finally {
      await runRawCypher(store, "MATCH (a:Area {name: '无编号地区'}) DELETE a");
    }
  });
});

describe('enterprise list export in pages', () => {
  const csvOf = async (page: number) => collect(tableChunks('csv', enterprisePages(store, page), '企业名单', ENTERPRISE_HEADERS));

  it('reads no more than a page per query, in the (name, id) order of the whole-store read, the same bytes at any page size', async () => {
    const { runner, most } = spied(store);
    const rows: TableRows = [];
    for await (const page of enterprisePages(runner, 7)) rows.push(...page);
    expect(most.get('read/dump/export-enterprises-page')).toBe(7);
    expect(most.has('read/dump/export-enterprises')).toBe(false);
    const whole = await store.run<{ name: string; uscc: string | null }>('read/dump/export-enterprises');
    expect(rows.length).toBe(whole.length);
    expect(rows.map((r) => [r.企业名称, r.统一社会信用代码])).toEqual(whole.map((e) => [e.name, e.uscc ?? '']));
    const one = await csvOf(1_000_000);
    for (const page of [1, 7, 1000]) expect((await csvOf(page)).equals(one), `page ${page}`).toBe(true);
  }, 120_000);

  it('writes the list to a file as it reads it (.xlsx with every row, fitted to the first 1000 rows)', async () => {
    const file = path.join(dir, '企业名单.xlsx');
    await writeEnterpriseFile(store, 'xlsx', file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    const [count] = await runRawCypher(store, 'MATCH (e:Enterprise) RETURN count(e) AS n');
    expect(sheet.rowCount).toBe(Number(count!.n) + 1);
    expect(existsSync(`${file}.partial`)).toBe(false);
  }, 60_000);
});
