import chardet from 'chardet';
import type ExcelJS from 'exceljs';
import { WorkbookReader } from './workbook-reader.ts';
import iconv from 'iconv-lite';
import { parse as parseCsvStream } from 'csv-parse';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
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
  if (typeof value === 'number')
    return { text: Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value), lossy: Math.abs(value) >= 1e15 };
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

/**
 * Bounds on what one file may cost, in cells rather than bytes: a 17 KB .xlsx
 * can address column XFD (16,384) on every row, and a CSV of commas is
 * millions of empty cells. Counted as each row's length up to its last cell,
 * which is what the rest of the import walks.
 */
export const TABLE_LIMITS = { maxColumns: 1000, maxCells: 2_000_000 };

/** Yields to the event loop (a macrotask, so I/O and timers run) at most every this many ms of reading. */
const SLICE_MS = 20;

function yielder(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < SLICE_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

function columnName(n: number): string {
  let name = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) name = String.fromCharCode(65 + ((x - 1) % 26)) + name;
  return name;
}

/** Counts cells per sheet against TABLE_LIMITS; throws a ValidationError naming the cell or the row. */
function cellBudget(where: string): (row: number, columns: number) => void {
  let cells = 0;
  return (row, columns) => {
    if (columns > TABLE_LIMITS.maxColumns) {
      throw new ValidationError(
        `${where}第 ${row} 行用到第 ${columns} 列（${columnName(columns)}${row}），导入最多读取 ${TABLE_LIMITS.maxColumns} 列；请删除多余的列 / ${where ? `${where}: ` : ''}row ${row} uses column ${columns} (${columnName(columns)}${row}); an import reads at most ${TABLE_LIMITS.maxColumns} columns: delete the extra columns`,
        'file',
      );
    }
    cells += columns;
    if (cells > TABLE_LIMITS.maxCells) {
      throw new ValidationError(
        `${where}到第 ${row} 行已超过 ${TABLE_LIMITS.maxCells.toLocaleString('en')} 个单元格的上限，请拆分文件 / ${where ? `${where}: ` : ''}more than ${TABLE_LIMITS.maxCells.toLocaleString('en')} cells by row ${row}: split the file`,
        'file',
      );
    }
  };
}

/** Feeds a buffer to a stream in small chunks, so parsing interleaves with the event loop. */
function chunked(bytes: Buffer): Readable {
  const CHUNK = 64 * 1024;
  return Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
    })(),
  );
}

/**
 * Streams the first visible sheet that has rows (exceljs WorkbookReader): only
 * the cells present are visited (`eachCell` without empties), never
 * `row.cellCount` columns, and the read yields to the event loop as it goes.
 */
async function readXlsx(bytes: Buffer): Promise<RawTable> {
  const pause = yielder();
  const reader = new WorkbookReader(chunked(bytes), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let found: { name: string | null; rows: TableRow[] } | null = null;
  let sheets = 0;
  let firstName: string | null = null;
  try {
    for await (const sheet of reader) {
      sheets += 1;
      const ws = sheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string; state?: string };
      const hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
      const name = ws.name ?? null;
      if (sheets === 1) firstName = name;
      const charge = cellBudget(name ? `工作表“${name}”` : '');
      const rows: TableRow[] = [];
      for await (const row of ws) {
        await pause();
        if (hidden || found) continue;
        const present: [number, ExcelJS.CellValue][] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          present.push([col, cell.value]);
        });
        if (present.length === 0) continue;
        const last = present[present.length - 1]![0];
        charge(row.number, last);
        const cells = new Array<string>(last).fill('');
        const lossy = new Set<number>();
        for (const [col, value] of present) {
          const { text, lossy: l } = cellText(value);
          cells[col - 1] = text.trim();
          if (l) lossy.add(col - 1);
        }
        rows.push(lossy.size ? { row: row.number, cells, lossyNumbers: lossy } : { row: row.number, cells });
      }
      if (!hidden && !found && rows.length > 0) found = { name, rows };
    }
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    throw new ValidationError(`文件不是有效的 .xlsx 工作簿 / not a valid .xlsx workbook: ${(e as Error).message}`, 'file');
  }
  if (sheets === 0) throw new ValidationError('工作簿中没有工作表 / the workbook has no worksheet', 'file');
  return { format: 'xlsx', encoding: null, sheet: found ? found.name : firstName, rows: found?.rows ?? [] };
}

/** Parses CSV text record by record (csv-parse's stream), bounded in cells, yielding to the event loop. */
async function readCsv(bytes: Buffer): Promise<RawTable> {
  const { text, encoding } = decodeCsv(bytes);
  const pause = yielder();
  const charge = cellBudget('');
  const parser = parseCsvStream({ relax_column_count: true, skip_empty_lines: false, bom: true, trim: true });
  const CHUNK = 64 * 1024;
  const feed = (async () => {
    for (let i = 0; i < text.length; i += CHUNK) {
      if (!parser.write(text.slice(i, i + CHUNK))) await new Promise((resolve) => parser.once('drain', resolve));
    }
    parser.end();
  })();
  const rows: TableRow[] = [];
  try {
    // Excel shows CSV record n (1-based) as row n, even when a quoted cell spans several lines.
    for await (const cells of parser as AsyncIterable<string[]>) {
      const row = rows.length + 1;
      charge(row, cells.length);
      rows.push({ row, cells });
      await pause();
    }
    await feed;
  } catch (e) {
    parser.destroy();
    if (e instanceof ValidationError) throw e;
    throw new ValidationError(`CSV 无法解析 / cannot parse the CSV: ${(e as Error).message}`, 'file');
  }
  return { format: 'csv', encoding, sheet: null, rows };
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
