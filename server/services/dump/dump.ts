import { NODE_LABELS, PRIVATE_LABELS, RELATIONSHIP_TYPES } from '../../model/vocabulary.ts';
import { SEARCH_LABELS } from '../explore/search.ts';
import { searchNamesOf } from '../search-names/backfill-search-names.ts';
import type { RowsQuery, Store } from '../../store/store.ts';
import { ValidationError } from '../../errors.ts';

/**
 * Labels a dump may hold: the allow-list of vocabulary.ts without the
 * security records (PRIVATE_LABELS: users, tokens, sessions, audit entries,
 * which hold password and token hashes and are never written to a dump),
 * plus `Meta` (the seed marker node, which vocabulary.ts does not list).
 */
export const DUMP_LABELS: readonly string[] = [...NODE_LABELS.filter((l) => !PRIVATE_LABELS.includes(l)), 'Meta'];
export type DumpLabel = string;
export const EXCLUDED = [...PRIVATE_LABELS];

export const kebab = (s: string) => s.toLowerCase().replace(/_/g, '-');

/**
 * The query that restores nodes of a label: cypher/write/dump/nodes-<label>.cypher.
 * Names built from the allow-listed labels; the store refuses a name with no file.
 */
export function nodeQuery(label: string): RowsQuery {
  return `write/dump/nodes-${kebab(label)}` as RowsQuery;
}

/**
 * Relationship shapes (type, start label, end label) of the model
 * (cypher/README.md). Labels and types cannot be Cypher parameters, so each
 * shape has its own file cypher/write/dump/rel-<type>-<start>-<end>.cypher.
 */
export const RELATIONSHIP_SHAPES: readonly (readonly [string, DumpLabel, DumpLabel])[] = [
  ['PART_OF', 'Area', 'Area'],
  ['PART_OF', 'Target', 'Target'],
  ['IN_AREA', 'Park', 'Area'],
  ['IN_AREA', 'Target', 'Area'],
  ['HAS_SEGMENT', 'Chain', 'Segment'],
  ['FEEDS', 'Segment', 'Segment'],
  ['LOCATED_IN', 'Enterprise', 'Area'],
  ['IN_PARK', 'Enterprise', 'Park'],
  ['OPERATES_IN', 'Enterprise', 'Segment'],
  ['SUPPLIES', 'Enterprise', 'Enterprise'],
  ['HAS_TASK', 'Action', 'Task'],
  ['DEVELOPS', 'Task', 'Chain'],
  ['LEADS', 'Unit', 'Task'],
  ['SUPPORTS', 'Unit', 'Task'],
  ['BELONGS_TO', 'Unit', 'Area'],
  ['AT', 'Gap', 'Segment'],
  ['IN_CHAIN', 'Gap', 'Chain'],
  ['FOR_AREA', 'Gap', 'Area'],
  ['FROM_TASK', 'Gap', 'Task'],
  ['RESPONSIBLE_FOR', 'Unit', 'Gap'],
  ['MEASURES', 'Target', 'Chain'],
  ['MEASURES', 'Target', 'Task'],
  ['MEASURES', 'Target', 'Area'],
  ['RECORDS', 'Progress', 'Target'],
  ['BASELINE_OF', 'Baseline', 'Target'],
  ['INVESTS_IN', 'Enterprise', 'Project'],
  ['IN_AREA', 'Project', 'Area'],
  ['IN_PARK', 'Project', 'Park'],
  ['AT', 'Project', 'Segment'],
  ['IN_CHAIN', 'Project', 'Chain'],
  ['FILLS', 'Project', 'Gap'],
  ['LOOKS_AFTER', 'Unit', 'Project'],
  ['PROMOTES', 'Unit', 'Project'],
  ['EVENT_OF', 'ProjectEvent', 'Project'],
];

export function relationshipQuery(type: string, start: string, end: string): RowsQuery | undefined {
  const known = RELATIONSHIP_SHAPES.some(([t, s, e]) => t === type && s === start && e === end);
  return known ? (`write/dump/rel-${kebab(type)}-${kebab(start)}-${kebab(end)}` as RowsQuery) : undefined;
}

export const DUMP_FORMAT = 'chain-graph-dump';
export const DUMP_VERSION = 1;

/** First line of a dump. */
export interface DumpHeader {
  format: typeof DUMP_FORMAT;
  version: number;
  nodes: number;
  relationships: number;
}

export interface DumpNode {
  type: 'node';
  labels: string[];
  properties: Record<string, unknown>;
}

export interface DumpRelationship {
  type: 'relationship';
  relType: string;
  startLabel: string;
  start: string;
  endLabel: string;
  end: string;
  properties: Record<string, unknown>;
}

export interface Dump {
  header: DumpHeader;
  nodes: DumpNode[];
  relationships: DumpRelationship[];
}

/** Object with keys sorted (recursively), so dumps of equal graphs are byte-identical. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== null && (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** An in-memory dump as JSON lines: a header line, then one line per node, then one per relationship (what writeDump writes, page by page). */
export function* dumpLines(dump: Dump): Generator<string> {
  yield JSON.stringify(dump.header);
  for (const n of dump.nodes) yield JSON.stringify(n);
  for (const r of dump.relationships) yield JSON.stringify(r);
}

/** Parses JSON lines into a dump, checking every line; errors name the line number. */
export function parseDump(lines: Iterable<string>): Dump {
  let header: DumpHeader | undefined;
  const nodes: DumpNode[] = [];
  const relationships: DumpRelationship[] = [];
  let lineNo = 0;
  for (const raw of lines) {
    lineNo++;
    const line = raw.trim();
    if (!line) continue;
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch (e) {
      throw new ValidationError(`dump line ${lineNo}: not JSON (${(e as Error).message})`);
    }
    if (!header) {
      if (value.format !== DUMP_FORMAT) throw new ValidationError(`dump line 1: not a ${DUMP_FORMAT} file (missing header line {"format":"${DUMP_FORMAT}",…})`);
      if (value.version !== DUMP_VERSION)
        throw new ValidationError(`dump line 1: version ${String(value.version)} is not supported (expected ${DUMP_VERSION})`);
      header = value as unknown as DumpHeader;
      continue;
    }
    if (value.type === 'node') {
      const labels = value.labels as unknown;
      const properties = value.properties as Record<string, unknown> | undefined;
      if (!Array.isArray(labels) || labels.length !== 1 || !(DUMP_LABELS as readonly string[]).includes(labels[0] as string)) {
        throw new ValidationError(`dump line ${lineNo}: node labels ${JSON.stringify(labels)} must be exactly one of ${DUMP_LABELS.join(', ')}`);
      }
      if (!properties || typeof properties.id !== 'string') throw new ValidationError(`dump line ${lineNo}: node has no string id`);
      nodes.push({ type: 'node', labels: labels as string[], properties });
    } else if (value.type === 'relationship') {
      const r = value as unknown as DumpRelationship;
      if (!(RELATIONSHIP_TYPES as readonly string[]).includes(r.relType)) {
        throw new ValidationError(`dump line ${lineNo}: relationship type '${r.relType}' is not in the vocabulary`);
      }
      if (!relationshipQuery(r.relType, r.startLabel, r.endLabel)) {
        throw new ValidationError(
          `dump line ${lineNo}: no restore query for (:${r.startLabel})-[:${r.relType}]->(:${r.endLabel}); add it to RELATIONSHIP_SHAPES and cypher/write/dump/`,
        );
      }
      if (typeof r.start !== 'string' || typeof r.end !== 'string') throw new ValidationError(`dump line ${lineNo}: relationship ends need string ids`);
      relationships.push({ ...r, properties: r.properties ?? {} });
    } else {
      throw new ValidationError(`dump line ${lineNo}: type must be 'node' or 'relationship'`);
    }
  }
  if (!header) throw new ValidationError('the dump is empty');
  if (header.nodes !== nodes.length || header.relationships !== relationships.length) {
    throw new ValidationError(
      `the dump is incomplete: header announces ${header.nodes} nodes and ${header.relationships} relationships, file has ${nodes.length} and ${relationships.length}`,
    );
  }
  const ids = new Set(nodes.map((n) => `${n.labels[0]}|${String(n.properties.id)}`));
  if (ids.size !== nodes.length) throw new ValidationError('the dump has two nodes with the same label and id');
  const dangling = relationships.find((r) => !ids.has(`${r.startLabel}|${r.start}`) || !ids.has(`${r.endLabel}|${r.end}`));
  if (dangling)
    throw new ValidationError(`the dump has a ${dangling.relType} relationship to a node it does not contain (${dangling.start} → ${dangling.end})`);
  return { header, nodes, relationships };
}

export interface RestoreOptions {
  /** Empty the store first, in the same transaction; without it a non-empty store is refused. */
  replace?: boolean;
  batchSize?: number;
}

export class StoreNotEmptyError extends ValidationError {
  override name = 'StoreNotEmptyError';
  constructor(nodes: number) {
    super(`the store is not empty (${nodes} nodes): restore into an empty store, or use --replace to empty it first (in the same transaction)`);
  }
}

const SEARCHABLE = new Set<string>(SEARCH_LABELS);

/**
 * A searchable node's properties with search names, computed when the dump (an older version's) has none.
 * The dump of a current store carries its Meta {id: 'search-names'} record; one without it is scanned once
 * at the next start (finding nothing to write) and then has it.
 */
function withSearchNames(n: DumpNode): Record<string, unknown> {
  const p = n.properties;
  if (typeof p.name !== 'string' || p.searchName != null || !n.labels.some((l) => SEARCHABLE.has(l))) return p;
  return { ...p, ...searchNamesOf(p.name, typeof p.shortName === 'string' ? p.shortName : null) };
}

/**
 * Restores a dump in ONE transaction: all of it or nothing. "Empty" and
 * `replace` concern the graph only: security records (users, tokens,
 * sessions, audit entries) are neither counted nor deleted.
 */
export async function restoreDump(store: Store, dump: Dump, options: RestoreOptions = {}): Promise<{ nodes: number; relationships: number }> {
  const batchSize = options.batchSize ?? 5000;
  return store.transaction(async (tx) => {
    const [count] = await tx.run<{ nodes: number }>('read/dump/count', { exclude: EXCLUDED });
    const existing = count?.nodes ?? 0;
    if (existing > 0) {
      if (!options.replace) throw new StoreNotEmptyError(existing);
      await tx.run('write/reset-graph', { keep: EXCLUDED });
    }
    const byLabel = new Map<string, Record<string, unknown>[]>();
    for (const n of dump.nodes) {
      const list = byLabel.get(n.labels[0]!) ?? [];
      list.push({ properties: withSearchNames(n) });
      byLabel.set(n.labels[0]!, list);
    }
    for (const label of DUMP_LABELS) {
      const rows = byLabel.get(label) ?? [];
      for (let i = 0; i < rows.length; i += batchSize) await tx.run(nodeQuery(label), { rows: rows.slice(i, i + batchSize) });
    }
    const byShape = new Map<RowsQuery, Record<string, unknown>[]>();
    for (const r of dump.relationships) {
      const query = relationshipQuery(r.relType, r.startLabel, r.endLabel)!;
      const list = byShape.get(query) ?? [];
      list.push({ start: r.start, end: r.end, properties: r.properties });
      byShape.set(query, list);
    }
    for (const [query, rows] of byShape) {
      for (let i = 0; i < rows.length; i += batchSize) await tx.run(query, { rows: rows.slice(i, i + batchSize) });
    }
    return { nodes: dump.nodes.length, relationships: dump.relationships.length };
  });
}
