import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpLines, parseDump, restoreDump } from '../../server/services/dump/dump.ts';
import { readDump } from '../../server/services/dump/dump-pages.ts';
import { importFile } from '../../server/services/import/import-file.ts';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';
import { queryRunner, uncheckedRun, type Params, type QueryRunner, type Store } from '../../server/store/store.ts';
import { counts, csv, makeUscc, openDumpStore, tempDir, utf8Bom } from './helpers.ts';

const ROWS = 50_000;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AREAS = ['巢湖市', '安巢经开区', '合肥市', '苏州市'];
const SEGMENTS = ['铸件', '锻件', '汽车零部件', '高性能轻合金材料'];

function bigFile(): Buffer {
  const rows: (string | number)[][] = [['企业名称', '统一社会信用代码', '所属环节', '所在地区', '产值（万元）', '规上', '标签', '成立年份']];
  for (let i = 0; i < ROWS; i++) {
    rows.push([
      `测试企业${i}有限公司`,
      makeUscc(1000 + i),
      SEGMENTS[i % 4]!,
      AREAS[i % 4]!,
      (i % 997) * 10 + 0.5,
      i % 3 ? '是' : '否',
      i % 5 ? '' : '专精特新',
      1990 + (i % 35),
    ]);
  }
  return utf8Bom(csv(rows));
}

/** A store whose transactions fail at the n-th write, after earlier batches were written. */
function failingAt(store: Store, n: number): Store {
  return {
    ...store,
    kind: store.kind,
    run: store.run.bind(store),
    applySchema: store.applySchema.bind(store),
    health: store.health.bind(store),
    close: store.close.bind(store),
    writeGeneration: store.writeGeneration.bind(store),
    transaction: <T>(work: (tx: QueryRunner) => Promise<T>) =>
      store.transaction((tx) => {
        let writes = 0;
        return work(
          queryRunner(async <R>(name: string, params?: Params) => {
            if (name.startsWith('write/') && ++writes === n) throw new Error(`simulated failure at write ${n}`);
            return uncheckedRun(tx)<R>(name, params);
          }),
        );
      }),
  };
}

describe(`a ${ROWS.toLocaleString('en')}-row import`, () => {
  let file: Buffer;
  const tmp = tempDir();
  beforeAll(() => {
    file = bigFile();
  });
  afterAll(() => tmp.remove());

  it('imports in one transaction, then re-imports as unchanged', async () => {
    const store = await openDumpStore();
    try {
      let t = performance.now();
      const dry = await importFile(store, file, 'big.csv', { kind: 'enterprises', dryRun: true });
      const dryMs = performance.now() - t;
      expect(dry.counts).toMatchObject({ rows: ROWS, create: ROWS, reject: 0 });
      t = performance.now();
      const report = await importFile(store, file, 'big.csv', { kind: 'enterprises', dryRun: false });
      const importMs = performance.now() - t;
      expect(report).toMatchObject({ committed: true, counts: { create: ROWS } });
      expect((await counts(store))['node:Enterprise']).toBe(ROWS + 2);
      t = performance.now();
      const again = await importFile(store, file, 'big.csv', { kind: 'enterprises', dryRun: false });
      const reimportMs = performance.now() - t;
      expect(again.counts).toMatchObject({ unchanged: ROWS, create: 0, update: 0 });

      t = performance.now();
      const text = [...dumpLines(await readDump(store))].join('\n');
      const dumpMs = performance.now() - t;
      const target = EmbeddedStore.open(':memory:');
      await target.applySchema();
      t = performance.now();
      await restoreDump(target, parseDump(text.split('\n')));
      const restoreMs = performance.now() - t;
      expect([...dumpLines(await readDump(target))].join('\n')).toBe(text);
      await target.close();
      console.log(
        `[measure] ${ROWS} rows, ${(file.length / 1e6).toFixed(1)} MB: dry run ${dryMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms, ` +
          `re-import (unchanged) ${reimportMs.toFixed(0)} ms; dump ${dumpMs.toFixed(0)} ms, restore ${restoreMs.toFixed(0)} ms ` +
          `(${text.split('\n').length - 1} lines, ${(text.length / 1e6).toFixed(1)} MB)`,
      );
    } finally {
      await store.close();
    }
  }, 180_000);

  it('a failure in the middle of the transaction leaves the store as it was', async () => {
    const store = await openDumpStore();
    try {
      const before = await readDump(store);
      // Write 1–9 are the 10 enterprise batches; the failure comes after 5 batches of 5,000 rows were written.
      await expect(importFile(failingAt(store, 6), file, 'big.csv', { kind: 'enterprises', dryRun: false })).rejects.toThrow(/simulated failure at write 6/);
      expect(await readDump(store)).toEqual(before);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('a process killed (SIGKILL) during the import leaves the on-disk store as it was', async () => {
    const dataDir = tmp.file('data');
    const fileName = tmp.file('big.csv');
    writeFileSync(fileName, file);
    const seeded = await openDumpStore(dataDir);
    const before = await readDump(seeded);
    await seeded.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', fileName, '--data-dir', dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const killed = await new Promise<boolean>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Kill after the first batch of 5,000 rows went into the open transaction.
        if (/writing \d+\/\d+/.test(stderr) && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve(true);
        }
      });
      child.on('exit', () => resolve(false));
    });
    await new Promise((r) => child.once('exit', r).once('close', r));
    expect(killed, `the import finished before it could be killed:\n${stderr}`).toBe(true);

    const reopened = EmbeddedStore.open(dataDir);
    try {
      expect(await readDump(reopened)).toEqual(before);
    } finally {
      await reopened.close();
    }
  }, 180_000);
});
