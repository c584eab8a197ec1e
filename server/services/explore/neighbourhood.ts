import type { Store } from '../../store/store.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { GraphEdge, GraphElements, GraphNode } from '../graph-elements.ts';
import { EXPLORE_LABELS, isExploreLabel, toGraphEdge, toGraphNode, uniqueEdges, type EdgeRow, type NodeRow } from './graph-node.ts';

export const NEIGHBOURHOOD_DEFAULT_LIMIT = 500;
export const NEIGHBOURHOOD_MAX_LIMIT = 2000;
export const NEIGHBOURHOOD_MAX_DEPTH = 3;
/** Nodes visited at most while walking (filtered-out nodes are walked through, so this exceeds the output cap). */
const TRAVERSAL_BUDGET = 10_000;
/** Relationships read among the candidate nodes at most. */
const EDGE_SCAN_LIMIT = 4 * NEIGHBOURHOOD_MAX_LIMIT;

/** Filters on the nodes returned. Area, local and tags concern enterprises (Area nodes also honour `local`); other nodes pass them. */
export interface NeighbourhoodFilter {
  /** Only nodes with these labels (the centre is always returned). Must come from the vocabulary. */
  labels?: string[] | null;
  /** Only enterprises located in this area or an area PART_OF it. */
  areaId?: string | null;
  /** true: only local enterprises (and areas); false: only external ones. */
  local?: boolean | null;
  /** Only enterprises carrying at least one of these tags. */
  tags?: string[] | null;
}

export interface NeighbourhoodOptions {
  depth?: number | null;
  filter?: NeighbourhoodFilter | null;
  /** Maximum number of elements (nodes + edges); default 500, at most 2000. */
  limit?: number | null;
}

export interface NeighbourhoodResult extends GraphElements {
  centerId: string;
  depth: number;
  /** True when nodes or edges were left out to respect `limit` (or the walk hit its budget). */
  truncated: boolean;
}

interface WalkRow extends NodeRow {
  areaIds: string[];
}

function checkOptions(options: NeighbourhoodOptions): { depth: number; limit: number; filter: NeighbourhoodFilter } {
  const depth = options.depth ?? 1;
  if (!Number.isInteger(depth) || depth < 1 || depth > NEIGHBOURHOOD_MAX_DEPTH) {
    throw new ValidationError(`depth: must be 1, 2 or 3, got ${depth}`, 'depth');
  }
  const limit = options.limit ?? NEIGHBOURHOOD_DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > NEIGHBOURHOOD_MAX_LIMIT) {
    throw new ValidationError(`limit: must be an integer from 1 to ${NEIGHBOURHOOD_MAX_LIMIT}, got ${limit}`, 'limit');
  }
  const filter = options.filter ?? {};
  for (const label of filter.labels ?? []) {
    if (!isExploreLabel(label)) throw new ValidationError(`filter.labels: unknown label '${label}'; use one of ${EXPLORE_LABELS.join(', ')}`, 'filter.labels');
  }
  return { depth, limit, filter };
}

function makePredicate(filter: NeighbourhoodFilter, areaIds: Set<string> | null): (row: WalkRow) => boolean {
  const labels = filter.labels?.length ? new Set(filter.labels) : null;
  const tags = filter.tags?.length ? filter.tags : null;
  return (row) => {
    if (labels && !labels.has(row.label)) return false;
    const isEnterprise = row.label === 'Enterprise';
    if (filter.local != null && (isEnterprise || row.label === 'Area') && (row.properties.local === true) !== filter.local) return false;
    if (!isEnterprise) return true;
    if (areaIds && !row.areaIds.some((a) => areaIds.has(a))) return false;
    if (tags) {
      const own = Array.isArray(row.properties.tags) ? (row.properties.tags as unknown[]) : [];
      if (!tags.some((t) => own.includes(t))) return false;
    }
    return true;
  };
}

/**
 * The nodes within `depth` relationships of a node (any type, either
 * direction) and the relationships among them. The walk passes through nodes
 * the filter rejects, so `labels: [Enterprise]` around a chain finds the
 * enterprises of its segments. Nodes come nearest first; the cap keeps whole
 * nodes with their edges to nodes already kept.
 */
export async function neighbourhood(store: Store, id: string, options: NeighbourhoodOptions = {}): Promise<NeighbourhoodResult> {
  const { depth, limit, filter } = checkOptions(options);
  const [center] = await store.run<WalkRow>('read/explore/nodes', { ids: [id], labels: EXPLORE_LABELS });
  if (!center) throw new NotFoundError('node', id);
  let areaIds: Set<string> | null = null;
  if (filter.areaId) {
    const rows = await store.run<{ id: string }>('read/explore/area-descendants', { areaId: filter.areaId });
    if (rows.length === 0) throw new NotFoundError('Area', filter.areaId);
    areaIds = new Set(rows.map((r) => r.id));
  }
  const keep = makePredicate(filter, areaIds);

  const visited = new Set<string>([center.id]);
  const shown: WalkRow[] = [center];
  let frontier = [center.id];
  let truncated = false;
  for (let level = 1; level <= depth && frontier.length > 0; level++) {
    const budget = TRAVERSAL_BUDGET - visited.size;
    if (budget <= 0) {
      truncated = true;
      break;
    }
    const rows = await store.run<WalkRow>('read/explore/neighbours', { ids: frontier, exclude: [...visited], labels: EXPLORE_LABELS, limit: budget });
    if (rows.length >= budget) truncated = true;
    frontier = [];
    for (const row of rows) {
      if (visited.has(row.id)) continue;
      visited.add(row.id);
      frontier.push(row.id);
      if (keep(row)) shown.push(row);
    }
  }

  const candidates = shown.slice(0, limit);
  if (candidates.length < shown.length) truncated = true;
  const edgeRows = await store.run<EdgeRow>('read/explore/edges-among', {
    ids: candidates.map((n) => n.id),
    limit: EDGE_SCAN_LIMIT,
  });
  if (edgeRows.length >= EDGE_SCAN_LIMIT) truncated = true;
  const edgesByNode = new Map<string, GraphEdge[]>();
  for (const edge of uniqueEdges(edgeRows.map(toGraphEdge))) {
    for (const end of [edge.source, edge.target]) {
      const list = edgesByNode.get(end) ?? [];
      list.push(edge);
      edgesByNode.set(end, list);
    }
  }

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const kept = new Set<string>();
  for (const row of candidates) {
    if (nodes.length + edges.length >= limit) {
      truncated = true;
      break;
    }
    nodes.push(toGraphNode(row));
    kept.add(row.id);
    for (const edge of edgesByNode.get(row.id) ?? []) {
      const other = edge.source === row.id ? edge.target : edge.source;
      if (other === row.id ? edges.includes(edge) : !kept.has(other)) continue;
      if (nodes.length + edges.length >= limit) {
        truncated = true;
        break;
      }
      edges.push(edge);
    }
  }
  return { centerId: center.id, depth, nodes, edges, truncated };
}
