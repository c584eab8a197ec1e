import { RELATIONSHIP_TYPES } from '../../model/vocabulary.ts';
// The dump writes cypher/schema/neo4j.cypher into its output file (data for another system), so it reads the library.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { getQuery } from '../../store/cypher-library.ts';
import { DUMP_LABELS, type DumpNode, type DumpRelationship } from './dump.ts';
import { checkCounts, RELATIONSHIP_GROUPS, relKey, restorablePages, type DumpSource } from './dump-pages.ts';

/**
 * Writes a dump as Cypher statements that load it into an empty Neo4j 5
 * database (`cypher-shell -f graph.cypher`): the constraints and indexes of
 * cypher/schema/neo4j.cypher, then UNWIND batches of literal maps. This
 * output is data for another system, not a query this product runs; labels
 * and relationship types come only from the allow-list (vocabulary.ts +
 * Meta), values are written as escaped literals.
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A Cypher string literal: backslash, quote and control characters escaped. */
export function cypherString(s: string): string {
  let out = "'";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

/** A map key or identifier, backtick-quoted when it is not a plain identifier. */
export function cypherName(name: string): string {
  return IDENTIFIER.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

/** A Cypher literal for a property value (string, number, boolean, list, map); null for null. */
export function cypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined);
    return `{${entries.map(([k, v]) => `${cypherName(k)}: ${cypherLiteral(v)}`).join(', ')}}`;
  }
  throw new Error(`cannot write ${typeof value} as a Cypher literal`);
}

function checkLabel(label: string): string {
  if (!(DUMP_LABELS as readonly string[]).includes(label)) throw new Error(`label '${label}' is not in the allow-list`);
  return label;
}

function checkType(type: string): string {
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(type)) throw new Error(`relationship type '${type}' is not in the allow-list`);
  return type;
}

/** Yields an UNWIND statement per `batchSize` items of the pages, across page boundaries. */
async function* batches<T>(pages: AsyncIterable<T[]>, batchSize: number, statement: (items: T[]) => string, counted: () => void): AsyncGenerator<string> {
  let batch: T[] = [];
  for await (const page of pages)
    for (const item of page) {
      counted();
      batch.push(item);
      if (batch.length === batchSize) {
        yield statement(batch);
        batch = [];
      }
    }
  if (batch.length) yield statement(batch);
}

async function* only(pages: AsyncIterable<DumpRelationship[]>, endLabel: string): AsyncGenerator<DumpRelationship[]> {
  for await (const page of pages) yield page.filter((r) => r.endLabel === endLabel);
}

async function firstOf(pages: AsyncIterable<DumpRelationship[]>): Promise<DumpRelationship | undefined> {
  for await (const page of pages) if (page.length) return page[0];
  return undefined;
}

/**
 * Statements (each ending with `;` and a newline) loading the dump into Neo4j 5; batches of `batchSize` literal maps,
 * read a page at a time: nodes by label, relationships by shape (type, start label, end label) in the order of each
 * shape's first relationship in the .jsonl dump. Throws at the end if the pages do not add up to the counts of its first line.
 */
export async function* cypherExport(source: DumpSource, batchSize = 1000): AsyncGenerator<string> {
  const counts = await source.counts();
  const written = { nodes: 0, relationships: 0 };
  yield `// 产业链图谱 graph for Neo4j 5: ${counts.nodes} nodes, ${counts.relationships} relationships.\n`;
  yield '// Load into an EMPTY database: cypher-shell -u neo4j -p PASSWORD -f this-file.cypher\n';
  for (const statement of getQuery('schema/neo4j').statements) yield `${statement};\n`;
  for (const label of DUMP_LABELS) {
    const create = (nodes: DumpNode[]) =>
      `UNWIND [\n${nodes.map((n) => cypherLiteral(n.properties)).join(',\n')}\n] AS p\nCREATE (n:${checkLabel(label)})\nSET n = p;\n`;
    yield* batches(source.nodePages(label), batchSize, create, () => written.nodes++);
  }
  for (const { relType, startLabel, endLabels } of RELATIONSHIP_GROUPS) {
    const pages = () => restorablePages(source, relType, startLabel);
    // A pair with several end labels (Target MEASURES Chain, Task, Area) is read once per end label.
    const firsts = endLabels.length === 1 ? endLabels.map((end) => ({ end, first: '' })) : [];
    for (const end of endLabels.length === 1 ? [] : endLabels) {
      const first = await firstOf(only(pages(), end));
      if (first) firsts.push({ end, first: relKey(first) });
    }
    firsts.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    for (const { end } of firsts) {
      const create = (rels: DumpRelationship[]) =>
        `UNWIND [\n${rels.map((r) => cypherLiteral({ s: r.start, e: r.end, p: r.properties })).join(',\n')}\n] AS r\nMATCH (a:${checkLabel(startLabel)} {id: r.s})\nMATCH (b:${checkLabel(end)} {id: r.e})\nCREATE (a)-[x:${checkType(relType)}]->(b)\nSET x = r.p;\n`;
      yield* batches(endLabels.length === 1 ? pages() : only(pages(), end), batchSize, create, () => written.relationships++);
    }
  }
  checkCounts(counts, written);
}
