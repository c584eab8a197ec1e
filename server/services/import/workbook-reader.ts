import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJS from 'exceljs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * exceljs's streaming WorkbookReader with whole characters.
 *
 * exceljs 4.4.0 (lib/utils/parse-sax.js) turns each decompressed chunk into a
 * string on its own, so a UTF-8 character split across two chunks comes back as
 * U+FFFD: about one Chinese name in a few hundred rows of a large workbook was
 * garbled (exceljs issues #2063, #2316; the fix, PR #2081, is not released).
 * The same parser with a StringDecoder is put in that module's place, and the
 * stream readers (workbook, worksheet, hyperlinks) are loaded afresh so that they
 * bind to it, whatever loaded exceljs first.
 */
type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSaxWholeCharacters(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  let error: Error | undefined;
  let events: SaxEvent[] = [];
  parser.on('error', (e: Error) => (error = e));
  parser.on('opentag', (value: SaxesTagPlain) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value: string) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value: SaxesTagPlain) => events.push({ eventType: 'closetag', value }));
  const feed = (text: string) => {
    parser.write(text);
    if (error) throw error;
    const out = events;
    events = [];
    return out;
  };
  for await (const chunk of iterable) yield feed(typeof chunk === 'string' ? chunk : decoder.write(chunk));
  const rest = decoder.end();
  if (rest) yield feed(rest);
}

const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const readerPath = require.resolve('exceljs/lib/stream/xlsx/workbook-reader.js');
require(parseSaxPath);
require.cache[parseSaxPath]!.exports = parseSaxWholeCharacters;
for (const reader of ['workbook-reader', 'worksheet-reader', 'hyperlink-reader']) delete require.cache[require.resolve(`exceljs/lib/stream/xlsx/${reader}.js`)];

export const WorkbookReader = require(readerPath) as typeof ExcelJS.stream.xlsx.WorkbookReader;
