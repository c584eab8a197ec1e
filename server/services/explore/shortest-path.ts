import type { Store } from '../../store/store.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { GraphElements } from '../graph-elements.ts';
import { EXPLORE_LABELS, isExploreLabel, toGraphEdge, toGraphNode, type EdgeRow, type NodeRow } from './graph-node.ts';

export const SHORTEST_PATH_MAX_LENGTH = 6;

/**
 * One shortest path (any relationship type, either direction, at most 6
 * relationships) between two nodes, as graph elements in path order. Empty
 * elements when no such path exists; NOT_FOUND naming the id when a node does not.
 */
export async function shortestPath(store: Store, fromId: string, toId: string): Promise<GraphElements> {
  if (!fromId) throw new ValidationError('fromId: must not be empty', 'fromId');
  if (!toId) throw new ValidationError('toId: must not be empty', 'toId');
  const found = await store.run<NodeRow>('read/explore/nodes', { ids: [fromId, toId], labels: EXPLORE_LABELS });
  for (const id of [fromId, toId]) if (!found.some((n) => n.id === id)) throw new NotFoundError('node', id);
  if (fromId === toId)
    return {
      nodes: found
        .filter((n) => n.id === fromId)
        .slice(0, 1)
        .map(toGraphNode),
      edges: [],
    };
  const [path] = await store.run<{ nodes: NodeRow[]; edges: EdgeRow[] }>('read/explore/shortest-path', { from: fromId, to: toId });
  // Account and audit nodes have no relationships today; refuse a path through one should that change.
  if (!path || !path.nodes.every((n) => isExploreLabel(n.label))) return { nodes: [], edges: [] };
  return { nodes: path.nodes.map(toGraphNode), edges: path.edges.map(toGraphEdge) };
}
