import { ValidationError } from '../../errors.ts';
import { uncheckedRun, type QueryRunner } from '../../store/store.ts';
import {
  DUMP_FORMAT,
  DUMP_LABELS,
  DUMP_VERSION,
  EXCLUDED,
  kebab,
  RELATIONSHIP_SHAPES,
  relationshipQuery,
  sortKeys,
  type Dump,
  type DumpHeader,
  type DumpNode,
  type DumpRelationship,
} from './dump.ts';

/**
 * Nodes (or start nodes, for relationships) read per query. At tier L (1M
 * enterprises, 5M SUPPLIES) one query over the whole store outlasts Grafeo's
 * 30 s query limit and holds the graph in the JS heap several times; a page of
 * 10k keeps each query to a few seconds there (the limit is wall time: larger
 * pages risk it on a loaded machine) and memory to a page.
 */
export const DUMP_PAGE = 10_000;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const relKey = (r: DumpRelationship) => [r.relType, r.startLabel, r.start, r.endLabel, r.end, JSON.stringify(r.properties)].join('\u0000');
const byId = (a: DumpNode, b: DumpNode) => cmp(String(a.properties.id), String(b.properties.id));
const byRelKey = (a: DumpRelationship, b: DumpRelationship) => cmp(relKey(a), relKey(b));

/** Labels in the order a .jsonl dump lists their nodes. */
const LABEL_ORDER = [...DUMP_LABELS].sort(cmp);

/** (type, start label) pairs of the model, in the order a .jsonl dump lists their relationships, with their end labels. */
export const RELATIONSHIP_GROUPS: readonly { relType: string; startLabel: string; endLabels: string[] }[] = (() => {
  const groups = new Map<string, { relType: string; startLabel: string; endLabels: string[] }>();
  for (const [relType, startLabel, endLabel] of RELATIONSHIP_SHAPES) {
    const key = `${relType}\u0000${startLabel}`;
    const group = groups.get(key) ?? { relType, startLabel, endLabels: [] };
    group.endLabels.push(endLabel);
    groups.set(key, group);
  }
  return [...groups.entries()].sort(([a], [b]) => cmp(a, b)).map(([, g]) => g);
})();

/**
 * Where a dump's records come from, a page at a time: a label's nodes in id
 * order, a (type, start label) pair's relationships in dump order (start, end
 * label, end, properties), and the counts announced in the header.
 */
export interface DumpSource {
  counts(): Promise<{ nodes: number; relationships: number }>;
  nodePages(label: string): AsyncIterable<DumpNode[]>;
  relationshipPages(relType: string, startLabel: string): AsyncIterable<DumpRelationship[]>;
}

/** The page query of a label's nodes: cypher/read/dump/nodes-<label>.cypher (labels cannot be parameters; the store refuses a name with no file). */
export const nodePageQuery = (label: string): string => `read/dump/nodes-${kebab(label)}`;
/** The page query of the relationships from a label's nodes, one type per pass ($relType): cypher/read/dump/out-<label>.cypher. */
export const outPageQuery = (startLabel: string): string => `read/dump/out-${kebab(startLabel)}`;

/**
 * The keyset pages come in the engine's string order; the dump lists records in
 * JavaScript's (UTF-16) order. They agree for the ids this product writes; an id
 * where they differ is refused rather than written out of place.
 */
function checkAfter(label: string, after: string, id: string): void {
  if (cmp(id, after) <= 0)
    throw new ValidationError(
      `the ${label} id ${JSON.stringify(id)} sorts differently in the store and in the dump (after ${JSON.stringify(after)}): it cannot be dumped in pages`,
    );
}

/** The store read in keyset pages of `page` nodes (cypher/read/dump/nodes-*, out-*): no query reads a whole label. */
export function storeDumpSource(db: QueryRunner, page = DUMP_PAGE): DumpSource {
  if (!(Number.isInteger(page) && page > 0)) throw new RangeError(`page must be a positive integer, got ${page}`);
  // Names chosen at run time among the allow-listed labels (a test checks each has its file).
  const run = uncheckedRun(db);
  let counted: Promise<{ nodes: number; relationships: number }> | undefined;
  const count = async () => {
    const [[nodes], [relationships]] = await Promise.all([
      db.run<{ nodes: number }>('read/dump/count', { exclude: EXCLUDED }),
      db.run<{ relationships: number }>('read/dump/relationship-count'),
    ]);
    return { nodes: Number(nodes?.nodes ?? 0), relationships: Number(relationships?.relationships ?? 0) };
  };
  return {
    /** Counted once per source (one dump), before its pages are read. */
    counts: () => (counted ??= count()),
    async *nodePages(label) {
      for (let after = ''; ;) {
        const rows = await run<{ labels: string[]; properties: Record<string, unknown> }>(nodePageQuery(label), { after, limit: page });
        const nodes: DumpNode[] = rows.map((r) => ({
          type: 'node',
          labels: [...r.labels].sort(),
          properties: sortKeys(r.properties ?? {}) as Record<string, unknown>,
        }));
        nodes.sort(byId);
        if (nodes.length) checkAfter(label, after, String(nodes[0]!.properties.id));
        yield nodes;
        if (rows.length < page) return;
        after = String(nodes.at(-1)!.properties.id);
      }
    },
    async *relationshipPages(relType, startLabel) {
      for (let after = ''; ;) {
        const rows = await run<{ start: string; out: { endLabels: string[]; end: string; properties: Record<string, unknown> | null }[] }>(
          outPageQuery(startLabel),
          { after, limit: page, relType },
        );
        let last = after;
        const rels: DumpRelationship[] = [];
        for (const r of rows) {
          checkAfter(startLabel, after, r.start);
          if (cmp(r.start, last) > 0) last = r.start;
          for (const o of r.out ?? []) {
            const endLabel = [...o.endLabels].sort()[0] ?? '';
            rels.push({
              type: 'relationship',
              relType,
              startLabel,
              start: r.start,
              endLabel,
              end: o.end,
              properties: sortKeys(o.properties ?? {}) as Record<string, unknown>,
            });
          }
        }
        rels.sort(byRelKey);
        yield rels;
        if (rows.length < page) return;
        after = last;
      }
    },
  };
}

/** A dump held in memory as a source (one page per label and pair): what tests write the Cypher export of. */
export function memoryDumpSource(dump: Dump): DumpSource {
  return {
    counts: async () => ({ nodes: dump.nodes.length, relationships: dump.relationships.length }),
    async *nodePages(label) {
      yield dump.nodes.filter((n) => n.labels.join(':') === label).sort(byId);
    },
    async *relationshipPages(relType, startLabel) {
      yield dump.relationships.filter((r) => r.relType === relType && r.startLabel === startLabel).sort(byRelKey);
    },
  };
}

/** A pair's pages, each relationship checked to have a restore query (a dump that cannot be restored is refused as it is written). */
export async function* restorablePages(source: DumpSource, relType: string, startLabel: string): AsyncGenerator<DumpRelationship[]> {
  for await (const rels of source.relationshipPages(relType, startLabel)) {
    const odd = rels.find((r) => !relationshipQuery(r.relType, r.startLabel, r.endLabel));
    if (odd)
      throw new ValidationError(
        `a ${odd.relType} relationship from ${odd.startLabel} ${odd.start} to ${odd.endLabel} ${odd.end} cannot be dumped: no restore query for (:${odd.startLabel})-[:${odd.relType}]->(:${odd.endLabel}) (RELATIONSHIP_SHAPES, cypher/write/dump/)`,
      );
    yield rels;
  }
}

/**
 * Refuses a dump whose pages did not add up to the counts its header announced:
 * a node with no string id or a label outside the dump's, a relationship of a
 * type or from a label outside the model, or a graph written to while it was read.
 */
export function checkCounts(announced: { nodes: number; relationships: number }, written: { nodes: number; relationships: number }): void {
  if (announced.nodes === written.nodes && announced.relationships === written.relationships) return;
  throw new ValidationError(
    `the dump is inconsistent: the graph holds ${announced.nodes} nodes and ${announced.relationships} relationships, the pages read ${written.nodes} and ${written.relationships}` +
      ' — a node without a string id or with a label outside the dump’s, a relationship outside the model, or a write while the dump was read (run it again)',
  );
}

/**
 * The dump's records in .jsonl order, a page at a time: the header first (the
 * counts), then nodes by label and id, then relationships by type, start label,
 * start, end label, end, properties. Throws after the last page if the pages do
 * not add up to the header (checkCounts): the caller must not keep what it wrote.
 */
export async function* dumpPages(source: DumpSource): AsyncGenerator<DumpHeader | DumpNode[] | DumpRelationship[]> {
  const counts = await source.counts();
  yield { format: DUMP_FORMAT, version: DUMP_VERSION, nodes: counts.nodes, relationships: counts.relationships };
  const written = { nodes: 0, relationships: 0 };
  for (const label of LABEL_ORDER)
    for await (const nodes of source.nodePages(label)) {
      written.nodes += nodes.length;
      yield nodes;
    }
  for (const { relType, startLabel } of RELATIONSHIP_GROUPS)
    for await (const rels of restorablePages(source, relType, startLabel)) {
      written.relationships += rels.length;
      yield rels;
    }
  checkCounts(counts, written);
}

/** Reads the whole graph into memory, through the same pages as a dump file: for tests and small graphs. */
export async function readDump(db: QueryRunner, options: { page?: number } = {}): Promise<Dump> {
  const dump: Dump = { header: { format: DUMP_FORMAT, version: DUMP_VERSION, nodes: 0, relationships: 0 }, nodes: [], relationships: [] };
  for await (const page of dumpPages(storeDumpSource(db, options.page))) {
    if (!Array.isArray(page)) dump.header = page;
    else
      for (const record of page) {
        if (record.type === 'node') dump.nodes.push(record);
        else dump.relationships.push(record);
      }
  }
  return dump;
}

/** The dump as JSON lines, one chunk per page: what `npm run dump` and a backup of a Neo4j store write. */
export async function* dumpJsonLines(source: DumpSource): AsyncGenerator<string> {
  for await (const page of dumpPages(source)) {
    yield Array.isArray(page) ? page.map((r) => `${JSON.stringify(r)}\n`).join('') : `${JSON.stringify(page)}\n`;
  }
}
