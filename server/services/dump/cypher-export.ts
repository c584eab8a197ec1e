import { RELATIONSHIP_TYPES } from '../../model/vocabulary.ts';
// The dump writes cypher/schema/neo4j.cypher into its output file (data for another system), so it reads the library.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { getQuery } from '../../store/cypher-library.ts';
import { DUMP_LABELS, type Dump } from './dump.ts';

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

/** Statements (each ending with `;` and a newline) loading the dump into Neo4j 5; batches of `batchSize` literal maps. */
export function* cypherExport(dump: Dump, batchSize = 1000): Generator<string> {
  yield `// 产业链图谱 graph for Neo4j 5: ${dump.nodes.length} nodes, ${dump.relationships.length} relationships.\n`;
  yield '// Load into an EMPTY database: cypher-shell -u neo4j -p PASSWORD -f this-file.cypher\n';
  for (const statement of getQuery('schema/neo4j').statements) yield `${statement};\n`;
  for (const label of DUMP_LABELS) {
    const nodes = dump.nodes.filter((n) => n.labels[0] === label);
    for (let i = 0; i < nodes.length; i += batchSize) {
      const maps = nodes.slice(i, i + batchSize).map((n) => cypherLiteral(n.properties));
      yield `UNWIND [\n${maps.join(',\n')}\n] AS p\nCREATE (n:${checkLabel(label)})\nSET n = p;\n`;
    }
  }
  const groups = new Map<string, Dump['relationships']>();
  for (const r of dump.relationships) {
    const key = `${checkType(r.relType)}|${checkLabel(r.startLabel)}|${checkLabel(r.endLabel)}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  for (const [key, rels] of groups) {
    const [type, start, end] = key.split('|') as [string, string, string];
    for (let i = 0; i < rels.length; i += batchSize) {
      const maps = rels.slice(i, i + batchSize).map((r) => cypherLiteral({ s: r.start, e: r.end, p: r.properties }));
      yield `UNWIND [\n${maps.join(',\n')}\n] AS r\nMATCH (a:${start} {id: r.s})\nMATCH (b:${end} {id: r.e})\nCREATE (a)-[x:${type}]->(b)\nSET x = r.p;\n`;
    }
  }
}
