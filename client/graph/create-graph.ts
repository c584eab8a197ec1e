import cytoscape, { type Core, type ElementDefinition, type LayoutOptions } from 'cytoscape';
import elk from 'cytoscape-elk';
import type { GraphElements } from '../api.ts';
import { chainStylesheet } from './stylesheet.ts';

cytoscape.use(elk);

/**
 * Converts API elements to Cytoscape element definitions. `origin` 'sample'
 * is kept as data so the stylesheet and panels can mark sample records.
 */
export function toCytoscapeElements(elements: GraphElements): ElementDefinition[] {
  return [
    ...elements.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n.properties, id: n.id, label: n.label, name: n.name } })),
    ...elements.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, type: e.type, source: e.source, target: e.target } })),
  ];
}

/** Layered left-to-right layout: upstream segments on the left, downstream on the right. */
export const chainLayout = {
  name: 'elk',
  elk: { algorithm: 'layered', 'elk.direction': 'RIGHT', 'elk.layered.spacing.nodeNodeBetweenLayers': 60, 'elk.spacing.nodeNode': 25 },
  fit: true,
  padding: 24,
} as const;

/**
 * ELK layered takes ~6 s at 1k nodes and 81 s at 5k (ENGINE-NOTES), so above
 * this many nodes the map uses breadthfirst, which keeps the left→right reading
 * (1.6 s at 5k).
 */
export const ELK_NODE_LIMIT = 300;

/** The layout for a whole map of `nodeCount` nodes. */
export function layoutFor(nodeCount: number): LayoutOptions {
  if (nodeCount <= ELK_NODE_LIMIT) return chainLayout as unknown as LayoutOptions;
  return {
    name: 'breadthfirst',
    directed: true,
    spacingFactor: 0.9,
    fit: true,
    padding: 24,
    animate: false,
    transform: (_n: unknown, p: { x: number; y: number }) => ({ x: p.y, y: p.x }),
  } as LayoutOptions;
}

export function createGraph(container: HTMLElement | undefined): Core {
  return cytoscape({
    container,
    headless: container === undefined,
    // Headless instances (tests, SVG export checks) still compute styles.
    styleEnabled: true,
    style: chainStylesheet(),
    minZoom: 0.05,
    maxZoom: 4,
    // Cytoscape warns about a custom wheel sensitivity; keep it for the browser only.
    ...(container ? { wheelSensitivity: 0.3 } : {}),
    // Smooth pan/zoom with thousands of elements: draw a cached bitmap and no edges while the viewport moves.
    hideEdgesOnViewport: true,
    textureOnViewport: true,
    pixelRatio: 'auto',
    boxSelectionEnabled: false,
  });
}
