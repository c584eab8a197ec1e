import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../server/services/import/read-table.ts';

/** exceljs's streaming reader decoded each chunk alone: a Chinese character split across two chunks became U+FFFD. */
describe('.xlsx with many Chinese names', () => {
  it('reads every character whole, across the reader’s chunks', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业');
    ws.addRow(['企业名称', '地址']);
    for (let i = 0; i < 3000; i++) ws.addRow([`天工合肥第${i}制造有限公司`, `安徽省合肥市巢湖市经济开发区第${i}号`]);
    const table = await readTable(Buffer.from(await wb.xlsx.writeBuffer()), '企业.xlsx');
    expect(table.rows).toHaveLength(3001);
    expect(table.rows.filter((r) => r.cells.some((c) => c.includes('\uFFFD'))).map((r) => r.row)).toEqual([]);
    expect(table.rows[2000]!.cells).toEqual(['天工合肥第1999制造有限公司', '安徽省合肥市巢湖市经济开发区第1999号']);
  }, 60_000);
});
