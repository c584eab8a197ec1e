import chardet from 'chardet';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse as parseCsv } from 'csv-parse/sync';
import { ValidationError } from '../../errors.ts';

/** One data row: `row` is the row number Excel shows; `cells` are the texts of each column, '' when empty. */
export interface TableRow {
  row: number;
  cells: string[];
  /** Set for a cell Excel stored as a number of 16+ digits (a USCC that lost its last digits). */
  lossyNumbers?: Set<number>;
}

/** A sheet or CSV file as rows of text cells, before the header row is chosen. */
export interface RawTable {
  format: 'xlsx' | 'csv';
  encoding: string | null;
  sheet: string | null;
  rows: TableRow[];
}

/** Decodes CSV bytes: a BOM decides; else valid UTF-8 is UTF-8; else chardet's guess, GB18030 (a superset of GBK/GB2312) for Chinese or unknown. */
export function decodeCsv(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8 (BOM)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le (BOM)' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be (BOM)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to detection
  }
  const guess = (chardet.detect(bytes) ?? '').toLowerCase();
  const encoding = guess === 'big5' ? 'big5' : 'gb18030';
  return { text: iconv.decode(bytes, encoding), encoding };
}

function cellText(value: ExcelJS.CellValue): { text: string; lossy: boolean } {
  if (value === null || value === undefined) return { text: '', lossy: false };
  if (typeof value === 'number') return { text: Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value), lossy: Math.abs(value) >= 1e15 };
  if (typeof value === 'string') return { text: value, lossy: false };
  if (typeof value === 'boolean') return { text: value ? '是' : '否', lossy: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), lossy: false };
  if (typeof value === 'object') {
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), lossy: false };
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value) return { text: String((value as ExcelJS.CellHyperlinkValue).text), lossy: false };
    if ('error' in value) return { text: '', lossy: false };
  }
  return { text: String(value), lossy: false };
}

async function readXlsx(bytes: Buffer): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new ValidationError(`文件不是有效的 .xlsx 工作簿 / not a valid .xlsx workbook: ${(e as Error).message}`, 'file');
  }
  const sheet = workbook.worksheets.find((ws) => ws.state !== 'hidden' && ws.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) throw new ValidationError('工作簿中没有工作表 / the workbook has no worksheet', 'file');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    const lossy = new Set<number>();
    const count = row.cellCount;
    for (let c = 1; c <= count; c++) {
      const { text, lossy: l } = cellText(row.getCell(c).value);
      cells.push(text.trim());
      if (l) lossy.add(c - 1);
    }
    rows.push(lossy.size ? { row: row.number, cells, lossyNumbers: lossy } : { row: row.number, cells });
  });
  return { format: 'xlsx', encoding: null, sheet: sheet.name, rows };
}

function readCsv(bytes: Buffer): RawTable {
  const { text, encoding } = decodeCsv(bytes);
  let records: string[][];
  try {
    records = parseCsv(text, { relax_column_count: true, skip_empty_lines: false, bom: true, trim: true }) as string[][];
  } catch (e) {
    throw new ValidationError(`CSV 无法解析 / cannot parse the CSV: ${(e as Error).message}`, 'file');
  }
  // Excel shows CSV record n (1-based) as row n, even when a quoted cell spans several lines.
  return { format: 'csv', encoding, sheet: null, rows: records.map((cells, i) => ({ row: i + 1, cells })) };
}

/** Reads an .xlsx or .csv file (by name, else by content: xlsx files are zip archives). */
export async function readTable(bytes: Buffer, fileName: string): Promise<RawTable> {
  const lower = fileName.toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (lower.endsWith('.xls') && !isZip) {
    throw new ValidationError('不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV / old .xls files are not supported: save as .xlsx or CSV', 'file');
  }
  if (lower.endsWith('.xlsx') || isZip) return readXlsx(bytes);
  return readCsv(bytes);
}
