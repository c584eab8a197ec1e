import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISABLED_AUTH } from '../../server/auth/auth-options.ts';
import { createGraphQLServer } from '../../server/graphql/yoga.ts';
import type { Store } from '../../server/store/store.ts';
import { csv, gbk, openDumpStore } from './helpers.ts';

const IMPORT = /* GraphQL */ `
  mutation Import($file: File!, $dryRun: Boolean!) {
    importFile(file: $file, kind: ENTERPRISES, dryRun: $dryRun, options: { unit: YI_YUAN }) {
      committed
      encoding
      counts {
        rows
        create
        update
        unchanged
        reject
        warnings
      }
      items {
        row
        action
        id
        label
      }
      issues {
        row
        column
        value
        code
        message
        messageEn
      }
    }
  }
`;

/** A GraphQL multipart request (graphql-multipart-request-spec), as the import dialog sends it. */
function upload(query: string, variables: Record<string, unknown>, bytes: Buffer, name: string): Request {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { ...variables, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new File([new Uint8Array(bytes)], name, { type: 'text/csv' }));
  return new Request('http://localhost/graphql', { method: 'POST', body: form, headers: { 'graphql-require-preflight': '1' } });
}

let store: Store;
let yoga: ReturnType<typeof createGraphQLServer>;
beforeEach(async () => {
  store = await openDumpStore();
  yoga = createGraphQLServer({ store, graphiql: false, auth: DISABLED_AUTH });
});
afterEach(() => store.close());

describe('GraphQL import and export', () => {
  it('importFile: dry run, then commit, of an uploaded GBK CSV', async () => {
    const file = gbk(
      csv([
        ['企业名称', '产值', '规上'],
        ['上传测试有限公司', '1.2', '是'],
        ['坏行有限公司', '-1', '是'],
      ]),
    );
    const dry = await (await yoga.fetch(upload(IMPORT, { dryRun: true }, file, '名单.csv'))).json();
    expect(dry).toEqual({
      data: {
        importFile: {
          committed: false,
          encoding: 'gb18030',
          counts: { rows: 2, create: 1, update: 0, unchanged: 0, reject: 1, warnings: 0 },
          items: [
            { row: 2, action: 'CREATE', id: 'ent:name:上传测试', label: '上传测试有限公司' },
            { row: 3, action: 'REJECT', id: null, label: '坏行有限公司' },
          ],
          issues: [{ row: 3, column: '产值', value: '-1', code: 'NEGATIVE_AMOUNT', message: '金额不能为负数', messageEn: 'amount must not be negative' }],
        },
      },
    });
    const good = gbk(
      csv([
        ['企业名称', '产值', '规上'],
        ['上传测试有限公司', '1.2', '是'],
      ]),
    );
    const real = await (await yoga.fetch(upload(IMPORT, { dryRun: false }, good, '名单.csv'))).json();
    expect(real.data.importFile).toMatchObject({ committed: true, counts: { create: 1 } });
    const rows = await store.run<{ name: string; output: number }>('read/import/enterprises');
    expect(rows.find((r) => r.name === '上传测试有限公司')?.output).toBe(12000);
  });

  it('refuses a file over 20 MB with a clear error', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 0x41);
    const body = await (await yoga.fetch(upload(IMPORT, { dryRun: true }, big, 'big.csv'))).json();
    expect(body.errors[0], JSON.stringify(body)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(body.errors[0].message).toMatch(/20 MB/);
  });

  it('exportTable: enterprises as xlsx (base64) that imports back unchanged', async () => {
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ exportTable(kind: ENTERPRISES, format: XLSX) { filename mimeType base64 } }' }),
    });
    const { data } = await res.json();
    expect(data.exportTable.filename).toMatch(/^企业名单-\d{8}\.xlsx$/);
    const bytes = Buffer.from(data.exportTable.base64, 'base64');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 6)).toEqual(['企业名称', '简称', '统一社会信用代码', '所在地区', '所属环节']);
    expect(sheet.actualRowCount).toBe(3);
    const again = await (await yoga.fetch(upload(IMPORT.replace('options: { unit: YI_YUAN }', ''), { dryRun: true }, bytes, 'export.xlsx'))).json();
    expect(again.data.importFile.counts).toEqual({ rows: 2, create: 0, update: 0, unchanged: 2, reject: 0, warnings: 0 });
  });

  it('exportTable: enterprises as CSV with a UTF-8 BOM', async () => {
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ exportTable(kind: ENTERPRISES, format: CSV) { filename mimeType base64 } }' }),
    });
    const { data } = await res.json();
    const bytes = Buffer.from(data.exportTable.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('合肥巢湖铝业有限责任公司');
    expect(data.exportTable.mimeType).toBe('text/csv; charset=utf-8');
  });
});
