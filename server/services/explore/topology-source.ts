import type { Store } from '../../store/store.ts';
import type { GraphEdge } from '../graph-elements.ts';
import { EXPLORE_LABELS, type EdgeRow, type NodeRow } from './graph-node.ts';

/**
 * Where `neighbourhood` reads the explorable graph: the store's queries
 * (`cypherTopology`) or the in-memory projection's topology
 * (server/services/projection/projected-topology.ts), which give the same rows
 * in the same order; the walk itself is one piece of code over either.
 */
export interface TopologySource {
  /** read/explore/neighbours: the distinct explorable nodes next to any of `ids`, by id, at most `limit`. */
  neighbours(ids: string[], limit: number): Promise<{ id: string; label: string }[]>;
  /**
   * read/explore/edges-from: the relationships leaving `ids` that end among the keys of `among`,
   * ordered by source, type, target. Properties may be left out (null) until
   * `completeEdges` fills them in for the edges shown.
   */
  edgesFrom(ids: string[], among: ReadonlyMap<string, unknown>): Promise<EdgeRow[]>;
  completeEdges(edges: GraphEdge[]): Promise<void>;
  /** read/explore/nodes: the explorable nodes among `ids`, in any order; `properties` null unless `withProperties`. */
  nodes(ids: string[], withProperties: boolean): Promise<NodeRow[]>;
}

/** The explorable graph as the store's queries give it (cypher/read/explore/). */
export function cypherTopology(store: Store): TopologySource {
  /** The query takes `among` as a map from id to true (a test by key): built once per set. */
  const maps = new WeakMap<ReadonlyMap<string, unknown>, Record<string, true>>();
  const asMap = (among: ReadonlyMap<string, unknown>) => {
    let map = maps.get(among);
    if (!map) maps.set(among, (map = Object.fromEntries([...among.keys()].map((id) => [id, true]))));
    return map;
  };
  return {
    neighbours: (ids, limit) => store.run<{ id: string; label: string }>('read/explore/neighbours', { ids, labels: EXPLORE_LABELS, limit }),
    edgesFrom: (ids, among) => store.run<EdgeRow>('read/explore/edges-from', { ids, among: asMap(among) }),
    completeEdges: async () => {},
    nodes: (ids, withProperties) => store.run<NodeRow>('read/explore/nodes', { ids, labels: EXPLORE_LABELS, withProperties }),
  };
}
