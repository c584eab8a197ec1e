import type { Store } from '../../store/store.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { GraphElements } from '../graph-elements.ts';
import { EXPLORE_LABELS, isExploreLabel, toGraphEdge, toGraphNode, type EdgeRow, type NodeRow } from './graph-node.ts';
import { analyticsSource } from '../projection/projection-registry.ts';
import type { ExploreGraph } from '../projection/explore-graph.ts';
import { projectedShortestPath } from '../projection/projected-shortest-path.ts';
import { projectedTopology } from '../projection/projected-topology.ts';

export const SHORTEST_PATH_MAX_LENGTH = 6;

/**
 * The relationship types a path may use, as read/explore/shortest-path lists
 * them (chain links; not geography, which would join any two firms of one city).
 */
export const PATH_RELATIONSHIP_TYPES = [
  'FEEDS',
  'HAS_SEGMENT',
  'OPERATES_IN',
  'SUPPLIES',
  'DEVELOPS',
  'HAS_TASK',
  'LEADS',
  'SUPPORTS',
  'AT',
  'IN_CHAIN',
  'FROM_TASK',
  'RESPONSIBLE_FOR',
  'MEASURES',
] as const;

/**
 * One shortest path (any relationship type, either direction, at most 6
 * relationships) between two nodes, as graph elements in path order. Empty
 * elements when no such path exists; NOT_FOUND naming the id when a node does not.
 */
export async function shortestPath(store: Store, fromId: string, toId: string, topology?: ExploreGraph | null): Promise<GraphElements> {
  if (!fromId) throw new ValidationError('fromId: must not be empty', 'fromId');
  if (!toId) throw new ValidationError('toId: must not be empty', 'toId');
  const found = await store.run<NodeRow>('read/explore/nodes', { ids: [fromId, toId], labels: EXPLORE_LABELS, withProperties: true });
  for (const id of [fromId, toId]) if (!found.some((n) => n.id === id)) throw new NotFoundError('node', id);
  if (fromId === toId)
    return {
      nodes: found
        .filter((n) => n.id === fromId)
        .slice(0, 1)
        .map(toGraphNode),
      edges: [],
    };
  // The projection's topology while it is current (a search in memory, properties read for the path only); else the store's query.
  // (`topology`: null = the store's query, a graph = that one; for the tests comparing both)
  const explore = topology === undefined ? analyticsSource(store)?.explore : topology;
  if (explore && explore.index.has(fromId) && explore.index.has(toId)) return pathInTopology(store, explore, fromId, toId);
  const [path] = await store.run<{ nodes: NodeRow[]; edges: EdgeRow[] }>('read/explore/shortest-path', { from: fromId, to: toId });
  // Account and audit nodes have no relationships today; refuse a path through one should that change.
  if (!path || !path.nodes.every((n) => isExploreLabel(n.label))) return { nodes: [], edges: [] };
  return { nodes: path.nodes.map(toGraphNode), edges: path.edges.map(toGraphEdge) };
}

/** The same path as read/explore/shortest-path, found in the projection's topology. */
async function pathInTopology(store: Store, g: ExploreGraph, fromId: string, toId: string): Promise<GraphElements> {
  const steps = projectedShortestPath(g, g.index.get(fromId)!, g.index.get(toId)!, PATH_RELATIONSHIP_TYPES, SHORTEST_PATH_MAX_LENGTH);
  if (!steps) return { nodes: [], edges: [] };
  const order = [fromId];
  for (const step of steps) order.push(g.ids[step.source]! === order.at(-1) ? g.ids[step.target]! : g.ids[step.source]!);
  const topology = projectedTopology(g, store);
  const rows = new Map((await topology.nodes(order, true)).map((r) => [r.id, r]));
  const read = await topology.edgesFrom(order, new Map(order.map((id, i) => [id, i])));
  const edges = steps.map((step) => {
    const [type, source, target] = [step.type, g.ids[step.source]!, g.ids[step.target]!];
    return toGraphEdge(read.find((r) => r.type === type && r.source === source && r.target === target)!);
  });
  await topology.completeEdges(edges);
  return { nodes: order.map((id) => toGraphNode(rows.get(id)!)), edges };
}
