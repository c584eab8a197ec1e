import { limitedWork } from '../limits/work-limits.ts';
import type { Store } from '../../store/store.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { GraphEdge, GraphElements, GraphNode } from '../graph-elements.ts';
import { EXPLORE_LABELS, isExploreLabel, toGraphNode, type EdgeRow, type NodeRow } from './graph-node.ts';
import { areaScopeIds } from '../areas/area-scope.ts';
import { analyticsSource } from '../projection/projection-registry.ts';
import { projectedTopology } from '../projection/projected-topology.ts';
import { cypherTopology, type TopologySource } from './topology-source.ts';

export const NEIGHBOURHOOD_DEFAULT_LIMIT = 500;
export const NEIGHBOURHOOD_MAX_LIMIT = 2000;
export const NEIGHBOURHOOD_MAX_DEPTH = 3;
/** Nodes visited at most while walking (filtered-out nodes are walked through, so this exceeds the output cap). */
const TRAVERSAL_BUDGET = 10_000;
/** Relationships read among the candidate nodes at most. */
const EDGE_SCAN_LIMIT = 4 * NEIGHBOURHOOD_MAX_LIMIT;
/** Candidates whose outgoing relationships are read per query. */
const EDGE_CHUNK = 500;
const EDGE_CHUNK_MIN = 50;

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
  /**
   * Which elements come with their properties (default both): the others come
   * with empty ones, for callers that draw ids, labels and names only (reading
   * and converting properties is most of an uncached neighbourhood's cost).
   */
  properties?: { nodes: boolean; edges: boolean } | null;
}

export interface NeighbourhoodResult extends GraphElements {
  centerId: string;
  depth: number;
  /** True when nodes or edges were left out to respect `limit` (or the walk hit its budget). */
  truncated: boolean;
}

interface WalkRow extends NodeRow {
  areaIds: readonly string[];
}

function checkOptions(options: NeighbourhoodOptions): {
  depth: number;
  limit: number;
  filter: NeighbourhoodFilter;
  withProperties: boolean;
  withEdgeProperties: boolean;
} {
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
  return { depth, limit, filter, withProperties: options.properties?.nodes ?? true, withEdgeProperties: options.properties?.edges ?? true };
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

/** Does the filter look at node properties (so candidates need them before it can decide)? */
function needsProperties(filter: NeighbourhoodFilter): boolean {
  return filter.local != null || !!filter.areaId || !!filter.tags?.length;
}

/** Shared by every row and element that has none (frozen: never filled in place). */
const NO_AREAS: readonly string[] = Object.freeze([]);
const NO_PROPERTIES = Object.freeze({}) as Record<string, unknown>;

/** Fetches rows for `ids`, in the order given; with their properties and areas only when asked (empty otherwise). */
async function fetchRows(store: Store, topology: TopologySource, ids: string[], withProperties: boolean, withAreas = false): Promise<WalkRow[]> {
  if (ids.length === 0) return [];
  const rows: NodeRow[] = await topology.nodes(ids, withProperties);
  const areas = withAreas
    ? new Map((await store.run<{ id: string; areaIds: string[] }>('read/explore/node-areas', { ids })).map((r) => [r.id, r.areaIds]))
    : null;
  const byId = new Map<string, WalkRow>();
  for (const row of rows) {
    const walkRow = row as WalkRow;
    walkRow.areaIds = areas?.get(row.id) ?? NO_AREAS;
    byId.set(row.id, walkRow);
  }
  const ordered: WalkRow[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row) ordered.push(row);
  }
  return ordered;
}

/**
 * The nodes within `depth` relationships of a node (any type, either
 * direction) and the relationships among them. The walk passes through nodes
 * the filter rejects, so `labels: [Enterprise]` around a chain finds the
 * enterprises of its segments. Nodes come nearest first; the cap keeps whole
 * nodes with their edges to nodes already kept.
 *
 * The walk reads ids and labels only; properties are fetched for the nodes the
 * label filter keeps, and the walk stops as soon as more than `limit` nodes are
 * kept (the first `limit` are all that can be shown).
 *
 * The walk reads the in-memory projection's topology while it is current (the
 * same rows as the store's queries, server/services/projection), else the store.
 */
export function neighbourhood(store: Store, id: string, options: NeighbourhoodOptions = {}, topology?: TopologySource): Promise<NeighbourhoodResult> {
  const checked = checkOptions(options);
  const explore = topology ? null : analyticsSource(store)?.explore;
  const source = topology ?? (explore ? projectedTopology(explore, store) : cypherTopology(store));
  // Depth 3 around a hub reaches much of a large graph: bounded like the other expensive operations; depths 1–2 in a lane of their own.
  return limitedWork(store, checked.depth >= 3 ? 'heavyRead' : 'explore', { zh: `${checked.depth} 层邻域`, en: `a depth-${checked.depth} neighbourhood` }, () =>
    walk(store, source, id, checked),
  );
}

async function walk(
  store: Store,
  topology: TopologySource,
  id: string,
  { depth, limit, filter, withProperties, withEdgeProperties }: ReturnType<typeof checkOptions>,
): Promise<NeighbourhoodResult> {
  // The centre's properties are read with the other nodes' at the end (the projection's topology knows it without a
  // round trip), unless a property filter reads rows on the way: then it keeps the row read here.
  const byProperties = needsProperties(filter);
  const [center] = await fetchRows(store, topology, [id], withProperties && byProperties);
  if (!center) throw new NotFoundError('node', id);
  let areaIds: Set<string> | null = null;
  if (filter.areaId) {
    areaIds = new Set(await areaScopeIds(store, filter.areaId));
  }
  const keep = makePredicate(filter, areaIds);
  const labelFilter = filter.labels?.length ? new Set(filter.labels) : null;
  /** Without a filter every visited node is kept, so the walk can stop at limit + 1 nodes. */
  const unfiltered = !labelFilter && !byProperties;

  const visited = new Set<string>([center.id]);
  /** Ids of kept nodes, nearest first (the centre always). */
  const shownIds: string[] = [center.id];
  const fetched = new Map<string, WalkRow>(withProperties && !byProperties ? [] : [[center.id, center]]);
  let frontier = [center.id];
  let truncated = false;
  for (let level = 1; level <= depth && frontier.length > 0 && shownIds.length <= limit; level++) {
    const budget = TRAVERSAL_BUDGET - visited.size;
    if (budget <= 0) {
      truncated = true;
      break;
    }
    const wanted = unfiltered ? Math.min(budget, limit + 1 - shownIds.length) : budget;
    // rows may include visited nodes (at most visited.size of them): ask for that many more
    const rows = await topology.neighbours(frontier, wanted + visited.size);
    frontier = [];
    const labelled: string[] = [];
    for (const row of rows) {
      if (visited.has(row.id)) continue;
      if (frontier.length >= wanted) break;
      visited.add(row.id);
      frontier.push(row.id);
      if (!labelFilter || labelFilter.has(row.label)) labelled.push(row.id);
    }
    if (frontier.length >= budget) truncated = true;
    if (!byProperties) {
      shownIds.push(...labelled);
      continue;
    }
    // property filters: decide in walk order, in chunks, until more than limit are kept
    for (let i = 0; i < labelled.length && shownIds.length <= limit;) {
      // at most the number still wanted (each fetched node is kept at most once), at least 100 per query
      const size = Math.max(100, limit + 1 - shownIds.length);
      const chunk = labelled.slice(i, i + size);
      i += chunk.length;
      for (const row of await fetchRows(store, topology, chunk, true, areaIds !== null)) {
        if (!keep(row)) continue;
        fetched.set(row.id, row);
        shownIds.push(row.id);
        if (shownIds.length > limit) break;
      }
    }
  }

  const candidateIds = shownIds.slice(0, limit);
  if (candidateIds.length < shownIds.length) truncated = true;
  /** Each candidate's place in walk order. */
  const position = new Map<string, number>();
  for (let i = 0; i < candidateIds.length; i++) position.set(candidateIds[i]!, i);

  // Relationships are read per chunk of candidates, in order, only as far as
  // the element cap lets nodes in. Each is shown right after the later of its
  // two ends, and comes from that end's chunk (it is the start) or an earlier
  // one (the earlier end is): lists by that place, in the order read.
  const edgeRows: EdgeRow[] = [];
  const nextRow: number[] = [];
  const firstRowAt = new Int32Array(candidateIds.length).fill(-1);
  const lastRowAt = new Int32Array(candidateIds.length);
  let previous: EdgeRow | undefined;
  let scanned = 0;
  let edgesReadUpTo = 0;
  const readEdgesUpTo = async (end: number, room: number): Promise<void> => {
    while (edgesReadUpTo < end) {
      // each further node takes at least one element: read no further ahead than the room left
      const size = Math.max(EDGE_CHUNK_MIN, Math.min(EDGE_CHUNK, room));
      const chunk = candidateIds.slice(edgesReadUpTo, edgesReadUpTo + size);
      edgesReadUpTo += chunk.length;
      if (scanned >= EDGE_SCAN_LIMIT) continue;
      for (const row of await topology.edgesFrom(chunk, position)) {
        if (scanned >= EDGE_SCAN_LIMIT) break;
        if (++scanned >= EDGE_SCAN_LIMIT) truncated = true;
        // rows come by source, type, target: a relationship stored twice (or a start read under two labels) is the row before again
        if (previous && row.source === previous.source && row.type === previous.type && row.target === previous.target) continue;
        previous = row;
        const at = Math.max(position.get(row.source)!, position.get(row.target)!);
        const k = edgeRows.push(row) - 1;
        nextRow.push(-1);
        if (firstRowAt[at] === -1) firstRowAt[at] = k;
        else nextRow[lastRowAt[at]!] = k;
        lastRowAt[at] = k;
      }
    }
  };

  const nodeIds: string[] = [];
  const edges: GraphEdge[] = [];
  for (let i = 0; i < candidateIds.length; i++) {
    if (nodeIds.length + edges.length >= limit) {
      truncated = true;
      break;
    }
    if (edgesReadUpTo <= i) await readEdgesUpTo(i + 1, limit - nodeIds.length - edges.length);
    nodeIds.push(candidateIds[i]!);
    for (let k = firstRowAt[i]!; k !== -1; k = nextRow[k]!) {
      if (nodeIds.length + edges.length >= limit) {
        truncated = true;
        break;
      }
      const row = edgeRows[k]!;
      edges.push({
        id: `${row.type}:${row.source}->${row.target}`,
        type: row.type,
        source: row.source,
        target: row.target,
        properties: (withEdgeProperties && row.properties) || NO_PROPERTIES,
      });
    }
  }

  // properties only for the nodes and edges shown (the two reads side by side), and only when asked for
  const [, rows] = await Promise.all([
    withEdgeProperties ? topology.completeEdges(edges) : undefined,
    fetchRows(
      store,
      topology,
      nodeIds.filter((x) => !fetched.has(x)),
      withProperties,
    ),
  ]);
  for (const row of rows) fetched.set(row.id, row);
  const nodes: GraphNode[] = [];
  for (const x of nodeIds) {
    const row = fetched.get(x);
    // rows a property filter read carry properties: not shown unless asked for
    if (row) nodes.push(withProperties ? toGraphNode(row) : { id: row.id, label: row.label, name: row.name, properties: NO_PROPERTIES });
  }
  return { centerId: center.id, depth, nodes, edges, truncated };
}
