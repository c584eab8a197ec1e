import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../server/services/import/read-table.ts';

/** The same sheet written by the streaming writer without shared strings: text inline in the sheet's XML. */
async function inlineStrings(source: ExcelJS.Workbook): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false });
  const ws = wb.addWorksheet('企业');
  source.getWorksheet('企业')!.eachRow((row) => ws.addRow(row.values as ExcelJS.CellValue[]).commit());
  await wb.commit();
  return Buffer.concat(chunks);
}

/** exceljs's streaming reader decoded each chunk alone: a Chinese character split across two chunks became U+FFFD. */
describe('.xlsx with many Chinese names', () => {
  it.each([
    ['shared strings', true],
    ['inline strings (as our exports write)', false],
  ])(
    'reads every character whole, across the reader’s chunks: %s',
    async (_, shared) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('企业');
      ws.addRow(['企业名称', '地址']);
      for (let i = 0; i < 3000; i++) ws.addRow([`天工合肥第${i}制造有限公司`, `安徽省合肥市巢湖市经济开发区第${i}号`]);
      const bytes = shared ? Buffer.from(await wb.xlsx.writeBuffer()) : await inlineStrings(wb);
      const table = await readTable(bytes, '企业.xlsx');
      expect(table.rows).toHaveLength(3001);
      expect(table.rows.filter((r) => r.cells.some((c) => c.includes('\uFFFD'))).map((r) => r.row)).toEqual([]);
      expect(table.rows[2000]!.cells).toEqual(['天工合肥第1999制造有限公司', '安徽省合肥市巢湖市经济开发区第1999号']);
    },
    60_000,
  );
});
