import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../server/services/import/import-file.ts';
import { readTable, TABLE_LIMITS } from '../../server/services/import/read-table.ts';
import { ValidationError } from '../../server/errors.ts';
import { openDumpStore } from './helpers.ts';

/** Issue 18 finding 1: small files that cost the server minutes and gigabytes. Each is built here, as the attacker built it. */
async function sheetOf(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('企业名单'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function refusal(work: Promise<unknown>): Promise<ValidationError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

/** Largest gap between timer ticks while `work` runs: how long the event loop was blocked. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  try {
    return { result: await work(), stallMs };
  } finally {
    clearInterval(timer);
  }
}

/** One cell in column XFD on each of 300 rows (the attack used 1,000 rows, 6.8 KB: the old reader took 63 s and 4.2 GB). */
let xfdBomb: Promise<Buffer> | undefined;
const xfd = () =>
  (xfdBomb ??= sheetOf((sheet) => {
    sheet.getRow(1).getCell(1).value = '企业名称';
    for (let r = 2; r <= 300; r++) sheet.getRow(r).getCell(16384).value = 'x';
  }));

describe('xlsx and CSV bombs', () => {
  it('one cell in column XFD on each row (the small file that ran out of heap): refused at once, naming the cell', async () => {
    const bytes = await xfd();
    expect(bytes.length).toBeLessThan(50_000);
    const error = await refusal(readTable(bytes, 'bomb.xlsx'));
    expect(error.field).toBe('file');
    expect(error.message).toContain('row 2 uses column 16384 (XFD2)');
    expect(error.message).toContain(`at most ${TABLE_LIMITS.maxColumns} columns`);
  }, 20_000);

  it('the same file as a dry-run import through the service: a clear refusal, nothing read further', async () => {
    const bytes = await xfd();
    const store = await openDumpStore();
    try {
      const error = await refusal(importFile(store, bytes, 'bomb.xlsx', { kind: 'enterprises', dryRun: true }));
      expect(error.message).toContain('XFD2');
    } finally {
      await store.close();
    }
  }, 20_000);

  it('rows within the column limit but too many cells in all: refused by the cell limit', async () => {
    const limits = { ...TABLE_LIMITS };
    TABLE_LIMITS.maxCells = 50_000;
    try {
      const bytes = await sheetOf((sheet) => {
        for (let r = 1; r <= 600; r++) sheet.getRow(r).getCell(100).value = r;
      });
      const error = await refusal(readTable(bytes, 'wide.xlsx'));
      expect(error.message).toContain('more than 50,000 cells by row 501');
    } finally {
      Object.assign(TABLE_LIMITS, limits);
    }
  });

  it('a CSV of commas is counted in cells too', async () => {
    const row = ','.repeat(TABLE_LIMITS.maxColumns + 5);
    const error = await refusal(readTable(Buffer.from(`企业名称\n${row}\n`), 'commas.csv'));
    expect(error.message).toContain(`row 2 uses column ${TABLE_LIMITS.maxColumns + 6}`);
  });

  it('a large honest CSV is read without blocking the event loop (parsed as a stream, yields)', async () => {
    const lines = ['企业名称,统一社会信用代码,产值（万元）,所在地区,标签,成立年份'];
    for (let r = 0; r < 100_000; r++) lines.push(`企业${r}有限公司,,${r},巢湖市,高新技术,${2000 + (r % 20)}`);
    const bytes = Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
    const { result, stallMs } = await longestStall(() => readTable(bytes, 'big.csv'));
    expect(result.rows).toHaveLength(100_001);
    expect(result.rows[1]).toEqual({ row: 2, cells: ['企业0有限公司', '', '0', '巢湖市', '高新技术', '2000'] });
    // Generous for a loaded, shared 2-core machine; csv-parse's sync API held the loop for the whole read (seconds).
    expect(stallMs).toBeLessThan(1500);
  }, 60_000);
});
