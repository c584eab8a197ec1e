import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import { layoutFor } from './create-graph.ts';
import type { GapKindApi } from '../api.ts';
import type { Strength } from './strength.ts';
import { cyToSvg } from './svg-export.ts';
import { placeAround, placeBelow } from './placement.ts';

/** What the map knows about one segment beyond the chain overview. */
export interface SegmentDecoration {
  strength: Strength;
  localCount?: number | null;
  localOutput?: number | null;
  /** The most urgent gap kind at this segment in the chosen area(s), if any. */
  gapKind?: Lowercase<GapKindApi> | null;
  gapId?: string | null;
}

/** Pixels of the canvas edges covered by overlays. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Zoom and pan that show `bb` (model coordinates) inside a `width`×`height` canvas minus `insets` and `padding`. */
export function fitViewport(
  bb: { x1: number; y1: number; x2: number; y2: number },
  width: number,
  height: number,
  insets: Insets,
  padding: number,
  zoomRange: [number, number],
): { zoom: number; pan: { x: number; y: number } } {
  const w = Math.max(50, width - insets.left - insets.right - 2 * padding);
  const h = Math.max(50, height - insets.top - insets.bottom - 2 * padding);
  const zoom = Math.min(zoomRange[1], Math.max(zoomRange[0], Math.min(w / Math.max(1, bb.x2 - bb.x1), h / Math.max(1, bb.y2 - bb.y1))));
  const cx = insets.left + padding + w / 2;
  const cy = insets.top + padding + h / 2;
  return { zoom, pan: { x: cx - zoom * ((bb.x1 + bb.x2) / 2), y: cy - zoom * ((bb.y1 + bb.y2) / 2) } };
}

export interface TapEvent {
  id: string;
  label: string;
  data: Record<string, unknown>;
}

/** Events the controller emits to the UI. */
export interface ControllerEvents {
  tap: TapEvent;
  background: undefined;
}

/** Above this many new nodes an expansion is placed as a grid below the map instead of around the centre. */
export const EXPAND_GRID_LIMIT = 60;

/**
 * Holds `cy` and exposes the operations the UI needs; it never touches the
 * DOM, so it runs headless in unit tests.
 */
export interface GraphController {
  readonly cy: Core;
  /** Replaces everything on the canvas and lays it out (ELK for small maps, breadthfirst for big ones). */
  show(elements: ElementDefinition[]): Promise<void>;
  /** Sets strength and gap data on segment nodes; segments not in the map are reset to 'unknown'. */
  decorateSegments(decorations: ReadonlyMap<string, SegmentDecoration>): void;
  /**
   * Adds elements around `centerId` without moving what is already drawn: only
   * the new nodes are placed, around the centre clear of existing nodes (or, when
   * many, in a grid below the map). No layout algorithm runs on the old nodes.
   * Returns the ids of nodes that were new.
   */
  expand(centerId: string, elements: ElementDefinition[]): Promise<string[]>;
  /**
   * Brings ids to the front and fades the rest; an empty list clears. Unknown ids are ignored; returns the ids found.
   * `focus` (a candidate) is drawn apart from the other nodes; `edgeLabel` names highlighted edges by type.
   */
  highlight(ids: readonly string[], options?: { focus?: string | null; edgeLabel?: (type: string) => string }): string[];
  clearHighlight(): void;
  /** Selects one node (unselecting others) and centres on it when `center`; false if absent. */
  select(id: string | null, center?: boolean): boolean;
  has(id: string): boolean;
  /** Sets the drawn labels in a language: English names where nodes have `nameEn`, wrapped for the node width. */
  relabel(lang: 'zh' | 'en'): void;
  /** The name of a node on the canvas, or null. */
  nameOf(id: string): string | null;
  /**
   * Fits the view to the given ids (all elements when empty), animated briefly,
   * keeping clear of `insets` (px of the canvas covered by overlays such as the legend).
   */
  fit(ids?: readonly string[], insets?: Partial<Insets>): void;
  /** The whole map as a PNG at twice the screen resolution, on white. */
  exportPng(): Blob;
  /** The whole map as a standalone SVG document. */
  exportSvg(): string;
  on<K extends keyof ControllerEvents>(event: K, listener: (payload: ControllerEvents[K]) => void): () => void;
  destroy(): void;
}

function runLayout(layout: ReturnType<Core['layout']>): Promise<void> {
  return new Promise((resolve) => {
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
}

/**
 * The label drawn on a node. Cytoscape wraps text only at spaces, so Chinese
 * names are broken every `perLine` characters (segments) or 10 (enterprises).
 */
export function displayLabel(data: Record<string, unknown>, lang: 'zh' | 'en'): string {
  const name = String((lang === 'en' && data.nameEn ? data.nameEn : data.name) ?? data.id ?? '');
  if (lang === 'en' || /\s/.test(name)) return name;
  const perLine = data.label === 'Segment' ? 7 : 10;
  const chars = [...name];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
  return lines.join('\n');
}

function isInView(cy: Core, node: NodeSingular): boolean {
  if (!cy.container()) return true;
  const e = cy.extent();
  const p = node.position();
  return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2;
}

export function createController(cy: Core): GraphController {
  let currentLang: 'zh' | 'en' = 'zh';
  cy.on('add', 'node', (e) => {
    const node = e.target as NodeSingular;
    node.data('display', displayLabel(node.data(), currentLang));
  });
  const listeners: { [K in keyof ControllerEvents]: Set<(p: ControllerEvents[K]) => void> } = { tap: new Set(), background: new Set() };
  const emit = <K extends keyof ControllerEvents>(event: K, payload: ControllerEvents[K]) => {
    for (const l of listeners[event]) l(payload);
  };
  cy.on('tap', 'node', (e) => {
    const node = e.target as NodeSingular;
    emit('tap', { id: node.id(), label: String(node.data('label') ?? ''), data: { ...node.data() } });
  });
  cy.on('tap', (e) => {
    if (e.target === cy) emit('background', undefined);
  });
  // Labels on a highlighted path keep at least 12 screen pixels however far the fit zooms out.
  const readableLabels = () => {
    const on = cy.nodes('.highlighted');
    if (on.nonempty()) on.style('font-size', Math.min(40, Math.max(12, 12 / cy.zoom())));
  };
  cy.on('zoom', readableLabels);
  const clearHighlight = () => {
    cy.batch(() => {
      cy.nodes('.highlighted').removeStyle('font-size');
      cy.edges('.highlighted').removeData('pathLabel');
      cy.elements().removeClass('highlighted faded focus');
    });
  };

  return {
    cy,
    async show(elements) {
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements);
      });
      const nodeCount = cy.nodes().length;
      if (nodeCount === 0) return;
      await runLayout(cy.layout(layoutFor(nodeCount)));
    },
    decorateSegments(decorations) {
      cy.batch(() => {
        cy.nodes('[label = "Segment"]').forEach((node) => {
          const d = decorations.get(node.id());
          node.data({
            strength: d?.strength ?? 'unknown',
            localCount: d?.localCount ?? null,
            localOutput: d?.localOutput ?? null,
            gapKind: d?.gapKind ?? null,
            gapId: d?.gapId ?? null,
          });
        });
      });
    },
    async expand(centerId, elements) {
      const center = cy.getElementById(centerId);
      const before = new Set(cy.nodes().map((n) => n.id()));
      const fresh = elements.filter((e) => e.data.id === undefined || !cy.getElementById(e.data.id).nonempty());
      // Edges whose ends are not (going to be) on the canvas would make cy.add throw.
      const nodeIds = new Set([...before, ...fresh.filter((e) => e.group === 'nodes').map((e) => e.data.id!)]);
      const addable = fresh.filter((e) => e.group === 'nodes' || (nodeIds.has(String(e.data.source)) && nodeIds.has(String(e.data.target))));
      const added = cy.add(addable);
      const newNodes = added.nodes();
      if (newNodes.empty()) return [];
      const existing = cy.nodes().not(newNodes);
      const bounds = existing.nonempty() ? existing.boundingBox({}) : { x1: 0, y1: 0, x2: 0, y2: 0 };
      const c = center.nonempty() && !newNodes.contains(center) ? center.position() : { x: (bounds.x1 + bounds.x2) / 2, y: bounds.y2 + 100 };
      const positions =
        newNodes.length > EXPAND_GRID_LIMIT
          ? placeBelow(c, newNodes.length, bounds)
          : placeAround(
              c,
              newNodes.length,
              existing.map((n) => n.boundingBox({})),
            );
      cy.batch(() => newNodes.forEach((n, i) => void n.position(positions[i]!)));
      return newNodes.map((n) => n.id());
    },
    highlight(ids, options = {}) {
      clearHighlight();
      if (ids.length === 0) return [];
      const found = cy.collection();
      for (const id of ids) {
        const el = cy.getElementById(id);
        if (el.nonempty()) found.merge(el);
      }
      if (found.empty()) return [];
      cy.batch(() => {
        cy.elements().not(found).addClass('faded');
        found.addClass('highlighted');
        if (options.focus) cy.getElementById(options.focus).addClass('focus');
        if (options.edgeLabel) found.edges().forEach((e) => void e.data('pathLabel', options.edgeLabel!(String(e.data('type') ?? ''))));
      });
      readableLabels();
      return found.map((e) => e.id());
    },
    clearHighlight,
    select(id, center = false) {
      cy.nodes(':selected').unselect();
      if (id === null) return false;
      const node = cy.getElementById(id);
      if (node.empty()) return false;
      node.select();
      if (center && !isInView(cy, node)) cy.animate({ center: { eles: node }, duration: 200 });
      return true;
    },
    has(id) {
      return cy.getElementById(id).nonempty();
    },
    relabel(lang) {
      currentLang = lang;
      cy.batch(() => cy.nodes().forEach((n) => void n.data('display', displayLabel(n.data(), lang))));
    },
    nameOf(id) {
      const el = cy.getElementById(id);
      return el.nonempty() ? String(el.data('name') ?? id) : null;
    },
    fit(ids = [], insets = {}) {
      let eles = ids.length ? cy.collection() : cy.elements();
      for (const id of ids) eles = eles.union(cy.getElementById(id));
      if (eles.empty()) return;
      const view = fitViewport(eles.boundingBox({}), cy.width(), cy.height(), { top: 0, right: 0, bottom: 0, left: 0, ...insets }, 40, [
        cy.minZoom(),
        Math.min(cy.maxZoom(), 1.5),
      ]);
      if (!cy.container()) cy.viewport(view);
      else cy.animate({ ...view, duration: 250 });
    },
    exportPng() {
      return cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
    },
    exportSvg() {
      return cyToSvg(cy);
    },
    on(event, listener) {
      listeners[event].add(listener);
      return () => listeners[event].delete(listener);
    },
    destroy() {
      cy.destroy();
    },
  };
}
