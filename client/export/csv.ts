/** One column of an exported table: a header and how to read the cell from a row. */
export interface Column<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

/** Byte-order mark: without it Excel opens UTF-8 CSV as GBK and garbles Chinese. */
export const UTF8_BOM = '\uFEFF';

/** Quotes a cell when it holds a comma, quote, CR or LF (RFC 4180); guards against formula injection. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A cell starting with = + - @ is run as a formula by Excel; numbers are left alone.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document with BOM and CRLF line ends, as Excel expects. */
export function buildCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
