import type { Store } from '../../store/store.ts';
import type { GraphEdge } from '../graph-elements.ts';
import { EXPLORE_LABELS, type EdgeRow, type NodeRow } from '../explore/graph-node.ts';
import type { TopologySource } from '../explore/topology-source.ts';
import type { ExploreGraph } from './explore-graph.ts';

/** Ids grouped by their explorable label, for the queries that look each up in its own label's index. */
function byLabel(g: ExploreGraph, ids: Iterable<string>): Record<string, string[]> {
  const groups: Record<string, string[]> = Object.fromEntries(EXPLORE_LABELS.map((l) => [l, []]));
  for (const id of ids) {
    const v = g.index.get(id);
    if (v !== undefined) groups[EXPLORE_LABELS[g.label[v]!]!]!.push(id);
  }
  return groups;
}

/**
 * The walk's reads answered from the projection's topology: the rows
 * read/explore/neighbours and read/explore/edges-from give, in their order;
 * properties are read from the store only for the nodes and edges shown
 * (read/explore/nodes-by-label, read/explore/edges-by-label).
 */
export function projectedTopology(g: ExploreGraph, store: Store): TopologySource {
  const { ids, index, label, names, outStart, outNode, outType, outHasProps, inStart, inNode, types, typeRank } = g;
  /** Whether a relationship `type` from a to b (any of them, if stored twice) has properties to read; a's list is ordered by type, then end: found by halving. */
  const hasProperties = (a: number, b: number, type: string): boolean => {
    const t = types.indexOf(type);
    if (t < 0) return false;
    const rank = typeRank[t]!;
    let lo = outStart[a]!;
    let hi = outStart[a + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const r = typeRank[outType[mid]!]!;
      if (r < rank || (r === rank && outNode[mid]! < b)) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < outStart[a + 1]! && outType[k] === t && outNode[k] === b; k++) if (outHasProps[k] === 1) return true;
    return false;
  };
  /** The walk asks edgesFrom with one `among` set per answer, chunk after chunk: its nodes marked once. */
  const masks = new WeakMap<ReadonlyMap<string, unknown>, Uint8Array>();
  return {
    async neighbours(frontier, limit) {
      const seen = new Uint8Array(ids.length);
      const found: number[] = [];
      const add = (v: number) => {
        if (seen[v]) return;
        seen[v] = 1;
        found.push(v);
      };
      for (const id of frontier) {
        const a = index.get(id);
        if (a === undefined) continue;
        for (let k = outStart[a]!; k < outStart[a + 1]!; k++) add(outNode[k]!);
        for (let k = inStart[a]!; k < inStart[a + 1]!; k++) add(inNode[k]!);
      }
      // The first `limit` in node order. Around a hub (an area's LOCATED_IN at tier L: 10⁵ nodes) sorting them all
      // took most of a walk; when more are found than wanted, the marks give the smallest in order by one pass.
      let first: ArrayLike<number>;
      if (found.length <= limit) first = Int32Array.from(found).sort();
      else {
        const taken = new Int32Array(limit);
        for (let v = 0, n = 0; n < limit; v++) if (seen[v]) taken[n++] = v;
        first = taken;
      }
      const rows: { id: string; label: string }[] = [];
      for (let i = 0; i < first.length; i++) rows.push({ id: ids[first[i]!]!, label: EXPLORE_LABELS[label[first[i]!]!]! });
      return rows;
    },
    async edgesFrom(sources, among) {
      let mask = masks.get(among);
      if (!mask) {
        masks.set(among, (mask = new Uint8Array(ids.length)));
        for (const id of among.keys()) {
          const v = index.get(id);
          if (v !== undefined) mask[v] = 1;
        }
      }
      const starts: number[] = [];
      for (const id of sources) {
        const a = index.get(id);
        if (a !== undefined) starts.push(a);
      }
      // ORDER BY source, type, target: numbers follow the engine's id order, and each list is by type, then end
      const rows: EdgeRow[] = [];
      for (const a of Int32Array.from(starts).sort())
        for (let k = outStart[a]!; k < outStart[a + 1]!; k++)
          if (mask[outNode[k]!] === 1)
            rows.push({ type: types[outType[k]!]!, source: ids[a]!, target: ids[outNode[k]!]!, properties: null as unknown as Record<string, unknown> });
      return rows;
    },
    async completeEdges(edges) {
      const wanted = new Map<string, GraphEdge>();
      for (const e of edges) {
        const a = index.get(e.source);
        const b = index.get(e.target);
        if (a !== undefined && b !== undefined && hasProperties(a, b, e.type)) wanted.set(e.id, e);
      }
      if (wanted.size === 0) return;
      const sources = new Set<string>();
      const among: Record<string, true> = {};
      for (const e of wanted.values()) {
        sources.add(e.source);
        among[e.target] = true;
      }
      for (const row of await store.run<EdgeRow>('read/explore/edges-by-label', { byLabel: byLabel(g, sources), among })) {
        const id = `${row.type}:${row.source}->${row.target}`;
        const edge = wanted.get(id);
        if (!edge) continue;
        edge.properties = row.properties ?? {};
        wanted.delete(id); // the first of relationships stored twice, as the store's read keeps
      }
    },
    async nodes(wanted, withProperties) {
      if (withProperties || !names) return store.run<NodeRow>('read/explore/nodes-by-label', { byLabel: byLabel(g, wanted), withProperties });
      // ids, labels and names only: all in the topology
      const rows: NodeRow[] = [];
      for (const id of wanted) {
        const v = index.get(id);
        if (v !== undefined)
          rows.push({ id: ids[v]!, label: EXPLORE_LABELS[label[v]!]!, name: names[v]!, properties: null as unknown as Record<string, unknown> });
      }
      return rows;
    },
  };
}
