import { performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MIME_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A file to hand to the user. */
export interface ExportFile {
  filename: string;
  mimeType: string;
  buffer: Buffer;
}

export type Cell = string | number | boolean | null | undefined;
export type TableRows = Record<string, Cell>[];

/**
 * Text Excel would run as a formula (=, +, -, @, tab, CR at the start) gets a
 * leading apostrophe, so an exported name cannot execute in the user's Excel
 * (CSV injection). Numbers are written as numbers and are not affected.
 */
function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? safeText(value) : typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Yields to the event loop (a macrotask) when this slice of work has run for more than 20 ms. */
function yielder(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < 20) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

/** Rows a page at a time: a table read in pages is written as it is read. */
export type RowPages = AsyncIterable<TableRows>;

async function* onePage(rows: TableRows): RowPages {
  yield rows;
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

/** CSV as Excel opens it without asking: UTF-8 with BOM, CRLF line ends; chunks of 1000 rows, yielding to the event loop between slices. */
async function* csvChunks(pages: RowPages, headers: string[]): AsyncGenerator<Buffer> {
  const pause = yielder();
  yield Buffer.from([0xef, 0xbb, 0xbf]);
  yield Buffer.from(headers.map(csvCell).join(',') + '\r\n', 'utf8');
  for await (const rows of pages)
    for (let i = 0; i < rows.length; i += 1000) {
      const lines = rows.slice(i, i + 1000).map((r) => headers.map((h) => csvCell(r[h])).join(',') + '\r\n');
      yield Buffer.from(lines.join(''), 'utf8');
      await pause();
    }
}

/** CSV of rows (UTF-8 with BOM, CRLF), built in slices that yield to the event loop. */
export function toCsv(rows: TableRows, headers: string[] = Object.keys(rows[0] ?? {})): Promise<Buffer> {
  return collect(csvChunks(onePage(rows), headers));
}

/** Display width of a text (CJK characters count twice). */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** One worksheet of a workbook: rows under a header row. */
export interface SheetRows {
  name: string;
  rows: TableRows;
  headers?: string[];
}

/** A worksheet whose rows come a page at a time. */
interface SheetPages {
  name: string;
  pages: RowPages;
  headers?: string[];
}

/**
 * One worksheet with a bold, frozen header row, an auto-filter and fitted
 * column widths, written with exceljs's streaming WorkbookWriter row by row
 * (each row committed, the loop yielding to the event loop), so a 100k-row
 * export neither holds the whole workbook model nor blocks other requests.
 */
export function toXlsx(rows: TableRows, sheetName: string, headers?: string[]): Promise<Buffer> {
  return toXlsxSheets([{ name: sheetName, rows, headers }]);
}

/** Several worksheets in one workbook, each written as toXlsx writes its one. */
export function toXlsxSheets(sheets: SheetRows[]): Promise<Buffer> {
  return collect(xlsxChunks(sheets.map(({ name, rows, headers }) => ({ name, pages: onePage(rows), headers }))));
}

/** The rows of the first pages until `n` (or all), and the pages after them: what column widths are fitted to. */
async function firstRows(pages: RowPages, n: number): Promise<{ head: TableRows; rest: AsyncIterator<TableRows> }> {
  const rest = pages[Symbol.asyncIterator]();
  const head: TableRows = [];
  while (head.length < n) {
    const next = await rest.next();
    if (next.done) break;
    for (const r of next.value) head.push(r);
  }
  return { head, rest };
}

/** The workbook's bytes as exceljs writes them, sheet by sheet, page by page. */
async function* xlsxChunks(sheets: SheetPages[]): AsyncGenerator<Buffer> {
  const sink = new PassThrough();
  // loaded on the first workbook, not at the server's start (~0.5 s): most starts write none
  const { default: excel } = (await import('exceljs')) as { default: typeof ExcelJS };
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = '产业链图谱';
  const writing = (async () => {
    const pause = yielder();
    for (const sheetPages of sheets) {
      const { head, rest } = await firstRows(sheetPages.pages, 1000);
      const headers = sheetPages.headers ?? Object.keys(head[0] ?? {});
      const sheet = workbook.addWorksheet(sheetPages.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = headers.map((h) => {
        const longest = Math.max(width(h), ...head.slice(0, 1000).map((r) => width(String(r[h] ?? ''))));
        // Codes such as 统一社会信用代码 must stay text, or Excel turns digits into 9.1E+17.
        return { key: h, width: Math.min(60, Math.max(8, longest + 2)), style: /代码|编号|uscc|id$/i.test(h) ? { numFmt: '@' } : {} };
      });
      if (headers.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
      const header = sheet.addRow(headers);
      header.font = { bold: true };
      header.commit();
      const addRows = async (rows: TableRows) => {
        for (const r of rows) {
          sheet
            .addRow(
              headers.map((h) => {
                const v = r[h];
                if (v === null || v === undefined) return null;
                if (typeof v === 'boolean') return v ? '是' : '否';
                return typeof v === 'string' ? safeText(v) : v;
              }),
            )
            .commit();
          await pause();
        }
      };
      await addRows(head);
      for (let next = await rest.next(); !next.done; next = await rest.next()) await addRows(next.value);
      sheet.commit();
    }
    await workbook.commit();
  })();
  writing.catch((e: unknown) => sink.destroy(e as Error));
  // exceljs writes many small pieces: handed on in chunks of 64 KiB or more.
  let pending: Buffer[] = [];
  let size = 0;
  for await (const chunk of sink) {
    pending.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size < 1 << 16) continue;
    yield Buffer.concat(pending);
    pending = [];
    size = 0;
  }
  if (pending.length) yield Buffer.concat(pending);
  await writing;
}

/** The table's file, a chunk at a time, as its pages are read. */
export function tableChunks(format: ExportFormat, pages: RowPages, sheetName: string, headers: string[]): AsyncIterable<Buffer> {
  return format === 'csv' ? csvChunks(pages, headers) : xlsxChunks([{ name: sheetName, pages, headers }]);
}

function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}`;
}

/** The default name of an export: `<baseName>-YYYYMMDD.<format>`. */
export const exportFileName = (baseName: string, format: ExportFormat, now = new Date()): string => `${baseName}-${stamp(now)}.${format}`;

/** Rows as a CSV or .xlsx file named `<baseName>-YYYYMMDD.<format>`. */
export async function exportRows(rows: TableRows, format: ExportFormat, baseName = '导出', headers?: string[], now = new Date()): Promise<ExportFile> {
  return exportPages(onePage(rows), format, baseName, headers ?? Object.keys(rows[0] ?? {}), now);
}

/** Rows read a page at a time as a CSV or .xlsx file in memory (an answer of the API); a file on disk is written as read (tableChunks). */
export async function exportPages(pages: RowPages, format: ExportFormat, baseName: string, headers: string[], now = new Date()): Promise<ExportFile> {
  return {
    filename: exportFileName(baseName, format, now),
    mimeType: MIME_TYPES[format],
    buffer: await collect(tableChunks(format, pages, baseName, headers)),
  };
}
