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

/** CSV as Excel opens it without asking: UTF-8 with BOM, CRLF line ends; built in slices that yield to the event loop. */
export async function toCsv(rows: TableRows, headers: string[] = Object.keys(rows[0] ?? {})): Promise<Buffer> {
  const pause = yielder();
  const parts: Buffer[] = [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(headers.map(csvCell).join(',') + '\r\n', 'utf8')];
  for (let i = 0; i < rows.length; i += 1000) {
    const lines = rows.slice(i, i + 1000).map((r) => headers.map((h) => csvCell(r[h])).join(',') + '\r\n');
    parts.push(Buffer.from(lines.join(''), 'utf8'));
    await pause();
  }
  return Buffer.concat(parts);
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
export async function toXlsxSheets(sheets: SheetRows[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  // loaded on the first workbook, not at the server's start (~0.5 s): most starts write none
  const { default: excel } = (await import('exceljs')) as { default: typeof ExcelJS };
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = '产业链图谱';
  const pause = yielder();
  for (const { name, rows, headers = Object.keys(rows[0] ?? {}) } of sheets) {
    const sheet = workbook.addWorksheet(name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = headers.map((h) => {
      const longest = Math.max(width(h), ...rows.slice(0, 1000).map((r) => width(String(r[h] ?? ''))));
      // Codes such as 统一社会信用代码 must stay text, or Excel turns digits into 9.1E+17.
      return { key: h, width: Math.min(60, Math.max(8, longest + 2)), style: /代码|编号|uscc|id$/i.test(h) ? { numFmt: '@' } : {} };
    });
    if (headers.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
    const header = sheet.addRow(headers);
    header.font = { bold: true };
    header.commit();
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
    sheet.commit();
  }
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}`;
}

/** Rows as a CSV or .xlsx file named `<baseName>-YYYYMMDD.<format>`. */
export async function exportRows(rows: TableRows, format: ExportFormat, baseName = '导出', headers?: string[], now = new Date()): Promise<ExportFile> {
  const buffer = format === 'csv' ? await toCsv(rows, headers) : await toXlsx(rows, baseName, headers);
  return { filename: `${baseName}-${stamp(now)}.${format}`, mimeType: MIME_TYPES[format], buffer };
}
