import chardet from 'chardet';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse as parseCsvStream } from 'csv-parse';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { ValidationError } from '../../errors.ts';
import { PlainCsvSplitter } from './plain-csv.ts';

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

/** Decodes CSV bytes whole, as the streamed read does: a BOM decides; else valid UTF-8 is UTF-8; else chardet's guess, GB18030 (a superset of GBK/GB2312) for Chinese or unknown. */
export function decodeCsv(bytes: Buffer): { text: string; encoding: string } {
  const decoder = csvDecoder(bytes.subarray(0, SNIFF_BYTES), bytes.length <= SNIFF_BYTES);
  return { text: decoder.write(bytes.subarray(decoder.skip)) + decoder.end(), encoding: decoder.encoding };
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
 * which is what the rest of the import walks. maxCells bounds a workbook, which
 * is read whole; a CSV is streamed (a chunk of rows at a time), so only its
 * columns per row are bounded.
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

/** Counts cells per sheet against TABLE_LIMITS (all cells only when the sheet is held whole); throws a ValidationError naming the cell or the row. */
function cellBudget(where: string, whole = true): (row: number, columns: number) => void {
  let cells = 0;
  return (row, columns) => {
    if (columns > TABLE_LIMITS.maxColumns) {
      throw new ValidationError(
        `${where}第 ${row} 行用到第 ${columns} 列（${columnName(columns)}${row}），导入最多读取 ${TABLE_LIMITS.maxColumns} 列；请删除多余的列 / ${where ? `${where}: ` : ''}row ${row} uses column ${columns} (${columnName(columns)}${row}); an import reads at most ${TABLE_LIMITS.maxColumns} columns: delete the extra columns`,
        'file',
      );
    }
    cells += columns;
    if (whole && cells > TABLE_LIMITS.maxCells) {
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
  // loaded on the first workbook read, not at the server's start (exceljs: ~0.5 s)
  const { WorkbookReader } = await import('./workbook-reader.ts');
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

/** A file to import: its bytes (an upload), or a path read as a stream (the CLI: a CSV is never held whole). */
export type TableSource = Buffer | { path: string };

/** A table whose data arrives in chunks of rows, in file order (a CSV is parsed as it is read). */
export interface TableStream {
  format: 'xlsx' | 'csv';
  encoding: string | null;
  sheet: string | null;
  chunks: AsyncIterable<TableRow[]>;
}

/** Rows per chunk of a streamed table. */
export const CHUNK_ROWS = 5000;

/** Characters handed to the CSV parser at once: parsing one such slice holds the event loop a few ms. */
const PARSE_CHARS = 64 * 1024;

/** Bytes looked at to choose a CSV's encoding (the whole file when smaller). */
const SNIFF_BYTES = 1 << 20;

function byteStream(source: TableSource): AsyncIterable<Buffer> {
  return Buffer.isBuffer(source) ? chunked(source) : createReadStream(source.path, { highWaterMark: 256 * 1024 });
}

/** A streaming text decoder for the encoding decodeCsv would choose, decided on the first bytes (BOM, else valid UTF-8, else chardet). */
function csvDecoder(head: Buffer, whole: boolean): { encoding: string; skip: number; write(b: Buffer): string; end(): string } {
  const iconvDecoder = (encoding: string, label: string, skip: number) => {
    const d = iconv.getDecoder(encoding);
    return { encoding: label, skip, write: (b: Buffer) => d.write(b), end: () => d.end() ?? '' };
  };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    const d = new TextDecoder('utf-8');
    return { encoding: 'utf-8 (BOM)', skip: 3, write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return iconvDecoder('utf-16le', 'utf-16le (BOM)', 2);
  if (head[0] === 0xfe && head[1] === 0xff) return iconvDecoder('utf-16be', 'utf-16be (BOM)', 2);
  try {
    // A multi-byte character cut at the end of the sniffed bytes is not an error (stream: true), unless the file ends there.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !whole });
    const d = new TextDecoder('utf-8', { fatal: true });
    let at = 0;
    const fail = (e: unknown): never => {
      throw new ValidationError(
        `CSV 前 ${SNIFF_BYTES} 字节是 UTF-8，但约第 ${at} 字节之后不是；请整体另存为 UTF-8 或 GB18030 / the CSV is UTF-8 in its first ${SNIFF_BYTES} bytes but not after byte ~${at}: save the whole file as UTF-8 or GB18030 (${(e as Error).message})`,
        'file',
      );
    };
    return {
      encoding: 'utf-8',
      skip: 0,
      write: (b) => {
        try {
          const text = d.decode(b, { stream: true });
          at += b.length;
          return text;
        } catch (e) {
          return fail(e);
        }
      },
      end: () => {
        try {
          return d.decode();
        } catch (e) {
          return fail(e);
        }
      },
    };
  } catch {
    // not UTF-8: detection below
  }
  const guess = (chardet.detect(head) ?? '').toLowerCase();
  const encoding = guess === 'big5' ? 'big5' : 'gb18030';
  return iconvDecoder(encoding, encoding, 0);
}

/**
 * Streams a CSV: bytes are decoded and parsed (csv-parse) as they are read and
 * handed on in chunks of CHUNK_ROWS rows, so memory holds a chunk, not the
 * file. Each row is bounded in columns; the read yields to the event loop.
 */
async function streamCsv(source: TableSource): Promise<TableStream> {
  const bytes = byteStream(source)[Symbol.asyncIterator]();
  // The first bytes decide the encoding.
  const sniffed: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const next = await bytes.next();
    if (next.done) {
      done = true;
      break;
    }
    sniffed.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(sniffed);
  const decoder = csvDecoder(head, done);
  async function* texts(): AsyncIterable<string> {
    yield decoder.write(head.subarray(decoder.skip));
    if (!done) for (let next = await bytes.next(); !next.done; next = await bytes.next()) yield decoder.write(next.value);
    yield decoder.end();
  }
  async function* chunks(): AsyncIterable<TableRow[]> {
    const pause = yielder();
    const charge = cellBudget('', false);
    const parser = parseCsvStream({ relax_column_count: true, skip_empty_lines: false, bom: true, trim: true });
    let records: string[][] = [];
    let failure: unknown = null;
    parser.on('readable', () => {
      for (let r = parser.read() as string[] | null; r !== null; r = parser.read() as string[] | null) records.push(r);
    });
    parser.on('error', (e) => (failure = e));
    const ended = new Promise<void>((resolve) => parser.on('end', resolve).on('error', () => resolve()));
    let row = 0;
    let chunk: TableRow[] = [];
    const take = () => {
      // Excel shows CSV record n (1-based) as row n, even when a quoted cell spans several lines.
      for (const cells of records) {
        row += 1;
        charge(row, cells.length);
        chunk.push({ row, cells });
      }
      records = [];
    };
    // Lines without quotes are split directly until the first quote; from there on csv-parse reads.
    let plain: PlainCsvSplitter | null = new PlainCsvSplitter();
    try {
      for await (const text of texts()) {
        // Parsed 64k characters at a time, the event loop running in between.
        for (let i = 0; i < text.length; i += PARSE_CHARS) {
          const piece = text.slice(i, i + PARSE_CHARS);
          const split: string[][] | null = plain ? plain.write(piece) : null;
          if (split) records.push(...split);
          else {
            if (plain) {
              parser.write(plain.rest());
              plain = null;
            } else parser.write(piece);
            await new Promise((resolve) => setImmediate(resolve));
            if (failure) throw failure;
          }
          take();
          if (chunk.length >= CHUNK_ROWS) {
            yield chunk;
            chunk = [];
          }
          await pause();
        }
      }
      if (plain) records.push(...plain.end());
      parser.end();
      await ended;
      if (failure) throw failure;
      take();
      if (chunk.length) yield chunk;
    } catch (e) {
      parser.destroy();
      if (e instanceof ValidationError) throw e;
      throw new ValidationError(`CSV 无法解析 / cannot parse the CSV: ${(e as Error).message}`, 'file');
    }
  }
  return { format: 'csv', encoding: decoder.encoding, sheet: null, chunks: chunks() };
}

async function firstBytes(source: TableSource): Promise<Buffer> {
  if (Buffer.isBuffer(source)) return source.subarray(0, 4);
  const file = await open(source.path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4), 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * Opens an .xlsx or .csv file (by name, else by content: xlsx files are zip
 * archives) as chunks of rows. A CSV is streamed; a workbook is read whole
 * (bounded by TABLE_LIMITS.maxCells) and handed on in chunks.
 */
export async function openTable(source: TableSource, fileName: string): Promise<TableStream> {
  const lower = fileName.toLowerCase();
  const magic = await firstBytes(source);
  const isZip = magic[0] === 0x50 && magic[1] === 0x4b;
  if (lower.endsWith('.xls') && !isZip) {
    throw new ValidationError('不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV / old .xls files are not supported: save as .xlsx or CSV', 'file');
  }
  if (lower.endsWith('.xlsx') || isZip) {
    const table = await readXlsx(Buffer.isBuffer(source) ? source : await readFile(source.path));
    async function* chunks(): AsyncIterable<TableRow[]> {
      for (let i = 0; i < table.rows.length; i += CHUNK_ROWS) yield table.rows.slice(i, i + CHUNK_ROWS);
    }
    return { format: table.format, encoding: table.encoding, sheet: table.sheet, chunks: chunks() };
  }
  return streamCsv(source);
}

/** Reads an .xlsx or .csv file whole (openTable's rows in one list). */
export async function readTable(source: TableSource, fileName: string): Promise<RawTable> {
  const { chunks, ...table } = await openTable(source, fileName);
  const rows: TableRow[] = [];
  for await (const chunk of chunks) for (const r of chunk) rows.push(r);
  return { ...table, rows };
}
