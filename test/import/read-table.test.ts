import { describe, expect, it } from 'vitest';
import { mapHeader, normaliseHeader, unitInHeader } from '../../server/services/import/columns.ts';
import { decodeCsv, readTable } from '../../server/services/import/read-table.ts';
import { parseAmount, parseBoolean, parseShare, parseTags, parseYear } from '../../server/services/import/values.ts';
import { csv, gbk, utf8Bom, xlsx } from './helpers.ts';

const TEXT = csv([
  ['企业名称', '统一社会信用代码', '产值（亿元）'],
  ['合肥某某（巢湖）新材料有限公司', '', '1.5'],
]);

describe('reading files', () => {
  it.each([
    ['GBK', gbk(TEXT), 'gb18030'],
    ['UTF-8 with BOM', utf8Bom(TEXT), 'utf-8 (BOM)'],
    ['UTF-8 without BOM', Buffer.from(TEXT, 'utf8'), 'utf-8'],
  ])('decodes %s CSV', async (_name, bytes, encoding) => {
    expect(decodeCsv(bytes).encoding).toBe(encoding);
    const table = await readTable(bytes, 'list.csv');
    expect(table.rows).toEqual([
      { row: 1, cells: ['企业名称', '统一社会信用代码', '产值（亿元）'] },
      { row: 2, cells: ['合肥某某（巢湖）新材料有限公司', '', '1.5'] },
    ]);
  });

  it('reads .xlsx with Excel row numbers, finding the header below a title row', async () => {
    const bytes = await xlsx(
      [
        ['企业名称', '产值（万元）'],
        ['甲公司', 12.5],
        ['乙公司', null],
      ],
      { title: '巢湖市重点企业名单' },
    );
    const table = await readTable(bytes, 'list.xlsx');
    expect(table.format).toBe('xlsx');
    expect(table.sheet).toBe('企业名单');
    const header = mapHeader(table, 'enterprises');
    expect(header.headerRow).toBe(2);
    expect(header.dataRows.map((r) => [r.row, r.cells])).toEqual([
      [3, ['甲公司', '12.5']],
      [4, ['乙公司']],
    ]);
    expect(header.columns).toEqual([
      { header: '企业名称', field: 'name', unit: null, index: 0 },
      { header: '产值（万元）', field: 'output', unit: '万元', index: 1 },
    ]);
  });

  it('maps Chinese and English headers, units from headers, --unit and a mapping file', async () => {
    const table = await readTable(Buffer.from(csv([['Name', '年产值', 'USCC', '产值(亿元)', '备注']])), 'x.csv');
    const header = mapHeader(table, 'enterprises', { 备注: null, 产值: { field: 'output', unit: '亿元' } }, '亿元');
    expect(header.columns.map(({ header: h, field, unit }) => [h, field, unit])).toEqual([
      ['Name', 'name', null],
      ['年产值', 'output', '亿元'],
      ['USCC', 'uscc', null],
      ['产值(亿元)', null, null],
      ['备注', null, null],
    ]);
    expect(header.issues.map((i) => [i.code, i.column])).toEqual([['DUPLICATE_COLUMN', '产值(亿元)']]);
    expect(normaliseHeader(' *产值（万元） ')).toBe('产值');
    expect(unitInHeader('产值（亿元）')).toBe('亿元');
  });

  it('reports a missing required column', async () => {
    const header = mapHeader(
      await readTable(
        Buffer.from(
          csv([
            ['简称', '产值'],
            ['甲', '1'],
          ]),
        ),
        'x.csv',
      ),
      'enterprises',
    );
    expect(header.fatal).toBe(true);
    expect(header.issues.map((i) => i.code)).toEqual(['MISSING_COLUMN']);
  });
});

describe('cell values', () => {
  it('parses amounts in 万元 and 亿元', () => {
    expect(parseAmount('1.23', '亿元')).toEqual({ ok: true, value: 12300 });
    expect(parseAmount('１，２３４.５', '万元')).toEqual({ ok: true, value: 1234.5 });
    expect(parseAmount('3亿元', '万元')).toEqual({ ok: true, value: 30000 });
    expect(parseAmount('-5', '万元')).toMatchObject({ ok: false, code: 'NEGATIVE_AMOUNT' });
    expect(parseAmount('约五千', '万元')).toMatchObject({ ok: false, code: 'NOT_A_NUMBER' });
  });
  it('parses booleans, years, shares and tags', () => {
    expect(parseBoolean('是')).toEqual({ ok: true, value: true });
    expect(parseBoolean('否')).toEqual({ ok: true, value: false });
    expect(parseBoolean('可能')).toMatchObject({ ok: false, code: 'INVALID_BOOLEAN' });
    expect(parseYear('2015年')).toEqual({ ok: true, value: 2015 });
    expect(parseYear('2015-06-01')).toEqual({ ok: true, value: 2015 });
    expect(parseYear('15')).toMatchObject({ ok: false, code: 'INVALID_YEAR' });
    expect(parseShare('30%')).toEqual({ ok: true, value: 0.3 });
    expect(parseShare('0.25')).toEqual({ ok: true, value: 0.25 });
    expect(parseShare('150%')).toMatchObject({ ok: false, code: 'INVALID_SHARE' });
    expect(parseTags('高新技术企业、专精特新,链主企业')).toEqual(['专精特新', '链主', '高新技术']);
  });
});
