import type { Store } from '../../store/store.ts';
import { EXPLORE_LABELS } from '../explore/graph-node.ts';
import type { AnalyticGraph } from './analytic-graph.ts';
import { csr, gather } from './build-analytic-graph.ts';
import { ENTERPRISE_PAGE, readEnterprisePages } from './enterprise-pages.ts';

/**
 * The topology of the explorable graph (every node with an explorable label and
 * every relationship between two of them: ids, labels, relationship types, no
 * properties), so that `neighbourhood` walks it in memory and reads properties
 * only for the nodes and edges it shows. Part of the analytics projection: read
 * with it, used only while it is current (projection-registry.ts).
 *
 * Nodes are numbered in the engine's `ORDER BY id` order, so comparing numbers
 * compares ids the way the store's queries order them. Adjacency is CSR in
 * typed arrays (tier L has 5M SUPPLIES): relationships by start node with their
 * type and whether they have properties, and by end node; a relationship stored
 * twice is listed twice, as the queries would read it.
 */
export interface ExploreGraph {
  ids: string[];
  index: Map<string, number>;
  /** Index into EXPLORE_LABELS: the node's first explorable label. */
  label: Uint8Array;
  /**
   * Each node's name as read/explore/nodes gives it (`coalesce(name, id)`), so that a neighbourhood
   * without properties asks the store nothing; enterprises' and segments' are the analytic graph's
   * strings. Null when a name is not text (the store's queries then answer).
   */
  names: string[] | null;
  /** Relationship type names; `typeRank[t]` orders them as ORDER BY type(r) does. */
  types: string[];
  typeRank: Uint8Array;
  /** Relationships by start node: outNode[outStart[n] .. outStart[n+1]) are end nodes, by type (`typeRank`), then ascending. */
  outStart: Int32Array;
  outNode: Int32Array;
  outType: Uint8Array;
  /** 1 where the relationship has properties (read when shown). */
  outHasProps: Uint8Array;
  /** Relationships by end node: start nodes and the relationship's type. */
  inStart: Int32Array;
  inNode: Int32Array;
  inType: Uint8Array;
  stats: { nodes: number; relationships: number; readMs: number; buildMs: number };
}

/**
 * Reads the explorable graph's topology: its nodes (the enterprises are the
 * analytic graph's, `g`, read just before at the same generation; the others
 * from cypher/read/projection/explore-nodes, merged with them in id order) and
 * the relationships `g` does not hold (explore-relationships); SUPPLIES,
 * OPERATES_IN and LOCATED_IN come from `g` (by far the most: read once, not
 * twice). No query gives a row per enterprise (at tier L one gave 1M rows at
 * once: ~0.5 GB more RSS for the engine's result and its rows). Null when the
 * walk could not give the store's answers from it: a node with two explorable
 * labels, an id shared by two nodes (the store's lookups by id would find
 * both) or one that is not text; the store's queries then answer.
 */
export async function buildExploreGraph(store: Store, g: AnalyticGraph, { page = ENTERPRISE_PAGE } = {}): Promise<ExploreGraph | null> {
  const t0 = performance.now();
  const E = g.enterprises;
  const nodeRows = await store.run<{ id: unknown; label: string; labelCount: number; name: unknown }>('read/projection/explore-nodes');
  const [census] = await store.run<{ enterprises: number; multiLabelled: number }>('read/projection/explore-enterprise-census');
  // an enterprise written or relabelled since `g` was read (the generation then differs) or carrying a second explorable label
  if (!census || census.enterprises !== E.ids.length || census.multiLabelled !== 0) return null;
  type RelRow = { source: string; type: string; target: string; hasProperties: boolean };
  const relRows = await store.run<RelRow>('read/projection/explore-relationships');
  // from enterprises, in pages of their ids (tier L: one query over every enterprise's relationships would outlast the engine's limit)
  await readEnterprisePages<RelRow>(
    store,
    'read/projection/explore-enterprise-relationships',
    E.ids,
    (rows) => {
      for (const row of rows) relRows.push(row);
    },
    page,
  );
  const t1 = performance.now();

  // the other nodes and the enterprises, each in the engine's id order, merged into one numbering in that order
  const n = nodeRows.length + E.ids.length;
  const ids: string[] = new Array(n);
  const index = new Map<string, number>();
  const label = new Uint8Array(n);
  let names: string[] | null = new Array<string>(n);
  const nameOf = (name: unknown, id: string) => (name === null || name === undefined ? id : name);
  const enterpriseCode = EXPLORE_LABELS.indexOf('Enterprise');
  for (let i = 0, r = 0, e = 0; i < n; i++) {
    const row = nodeRows[r];
    const enterprise = e < E.ids.length ? E.ids[e]! : undefined;
    const id = enterprise !== undefined && (row === undefined || enterprise < (row.id as string)) ? enterprise : row?.id;
    if (typeof id !== 'string' || index.has(id)) return null;
    ids[i] = id;
    index.set(id, i);
    if (id === enterprise) {
      label[i] = enterpriseCode;
      if (names) {
        const name = nameOf(E.name[e], id);
        if (typeof name === 'string') names[i] = name;
        else names = null;
      }
      e++;
      continue;
    }
    const code = EXPLORE_LABELS.indexOf(row!.label as (typeof EXPLORE_LABELS)[number]);
    if (row!.labelCount !== 1 || code < 0) return null;
    label[i] = code;
    if (names) {
      const s = row!.label === 'Segment' ? g.segments.index.get(id) : undefined;
      const name = s !== undefined ? nameOf(g.segments.name[s], id) : row!.name;
      if (typeof name === 'string') names[i] = name;
      else names = null;
    }
    r++;
  }
  /** Node numbers of the analytic graph's enterprises, segments and areas (-1: not explorable, cannot happen at one generation). */
  const numbers = (list: string[]) => Int32Array.from(list, (id) => index.get(id) ?? -1);
  const ent = numbers(g.enterprises.ids);
  const seg = numbers(g.segments.ids);
  const area = numbers(g.areas.ids);

  const m = relRows.length + E.outTo.length + E.opSeg.length + E.locArea.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const typeOf = new Uint8Array(m);
  const props = new Uint8Array(m);
  const typeCode = new Map<string, number>();
  const types: string[] = [];
  const codeOf = (type: string) => {
    let t = typeCode.get(type);
    if (t === undefined) {
      typeCode.set(type, (t = types.length));
      types.push(type);
    }
    return t;
  };
  let k = 0;
  const add = (a: number, b: number, t: number, p: number) => {
    if (a < 0 || b < 0) return; // written between the reads: the generation differs, the graph is not used
    from[k] = a;
    to[k] = b;
    typeOf[k] = t;
    props[k] = p;
    k++;
  };
  for (const r of relRows) add(index.get(r.source) ?? -1, index.get(r.target) ?? -1, codeOf(r.type), r.hasProperties ? 1 : 0);
  // SUPPLIES and OPERATES_IN carry properties (product, share, role) as written: read when shown
  const supplies = codeOf('SUPPLIES');
  const operatesIn = codeOf('OPERATES_IN');
  const locatedIn = codeOf('LOCATED_IN');
  if (types.length > 255) return null;
  for (let e = 0; e < E.ids.length; e++) {
    for (let j = E.outStart[e]!; j < E.outStart[e + 1]!; j++) add(ent[e]!, ent[E.outTo[j]!]!, supplies, 1);
    for (let j = E.opStart[e]!; j < E.opStart[e + 1]!; j++) add(ent[e]!, seg[E.opSeg[j]!]!, operatesIn, 1);
    for (let j = E.locStart[e]!; j < E.locStart[e + 1]!; j++) add(ent[e]!, area[E.locArea[j]!]!, locatedIn, E.locHasProps[j]!);
  }
  const starts = from.subarray(0, k);
  const ends = to.subarray(0, k);
  const sortedTypes = [...types].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const typeRank = Uint8Array.from(types, (t) => sortedTypes.indexOf(t));
  // by end node, then (stably) by type, then by start node: each start node's list comes out in the order
  // read/explore/edges-from gives (type, then end node), so a neighbourhood's edges need no sorting
  const byEnd = csr(n, k, (i) => ends[i]!);
  const byType = csr(types.length, k, (i) => typeRank[typeOf[i]!]!, byEnd.item);
  const byStart = csr(n, k, (i) => starts[i]!, byType.item);
  const outStart = byStart.start;
  const outNode = gather(new Int32Array(k), byStart.item, (i) => ends[i]!);
  const outType = gather(new Uint8Array(k), byStart.item, (i) => typeOf[i]!);
  const outHasProps = gather(new Uint8Array(k), byStart.item, (i) => props[i]!);
  return {
    ids,
    index,
    label,
    names,
    types,
    typeRank,
    outStart,
    outNode,
    outType,
    outHasProps,
    inStart: byEnd.start,
    inNode: gather(new Int32Array(k), byEnd.item, (i) => starts[i]!),
    inType: gather(new Uint8Array(k), byEnd.item, (i) => typeOf[i]!),
    stats: { nodes: n, relationships: k, readMs: t1 - t0, buildMs: performance.now() - t1 },
  };
}
