import { NODE_LABELS } from '../../model/vocabulary.ts';
import type { GraphEdge, GraphNode } from '../graph-elements.ts';

/**
 * Labels exploration may show: the domain graph only. Accounts, tokens,
 * sessions and audit entries share the database but never leave it through
 * search, neighbourhood or path queries.
 */
export const EXPLORE_LABELS = (['Area', 'Park', 'Chain', 'Segment', 'Enterprise', 'Unit', 'Action', 'Task', 'Gap', 'Target', 'Progress'] as const).filter((l) =>
  (NODE_LABELS as readonly string[]).includes(l),
);

export function isExploreLabel(label: string): boolean {
  return (EXPLORE_LABELS as readonly string[]).includes(label);
}

/** Properties kept out of graph elements: search keys are an implementation detail. */
const HIDDEN_PROPERTIES = new Set(['searchName', 'searchShortName']);

export interface NodeRow {
  id: string;
  label: string;
  name: string;
  properties: Record<string, unknown>;
}

export interface EdgeRow {
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export function toGraphNode(row: NodeRow): GraphNode {
  const properties: Record<string, unknown> = {};
  for (const key in row.properties ?? {}) if (!HIDDEN_PROPERTIES.has(key)) properties[key] = row.properties[key];
  return { id: row.id, label: row.label, name: row.name, properties };
}

/** Edge ids follow the convention `TYPE:<from>-><to>`. */
export function toGraphEdge(row: EdgeRow): GraphEdge {
  return { id: `${row.type}:${row.source}->${row.target}`, type: row.type, source: row.source, target: row.target, properties: row.properties ?? {} };
}

/** Drops edges whose id repeats (two SUPPLIES of different products between one pair share an id); the first wins. */
export function uniqueEdges(edges: GraphEdge[]): GraphEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)));
}
