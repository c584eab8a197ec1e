import type { StylesheetJson } from 'cytoscape';
import type { GapKindApi } from '../api.ts';
import { STRENGTH_COLOURS, STRENGTH_TEXT, type Strength } from './strength.ts';

/** Colour per segment stage, used for the left edge of a segment and in the SVG export. */
export const STAGE_COLOURS: Record<string, string> = {
  upstream: '#2f6f9f',
  midstream: '#3f8f5f',
  downstream: '#a05a2c',
};

/**
 * Gap kinds are told apart by colour AND border style, so the map still reads
 * in greyscale and for colour-blind users: 补链 red dashed, 强链 orange double,
 * 延链 purple dotted. (Under the WebGL renderer dashes are lost; colour remains.)
 */
export const GAP_STYLES: Record<Lowercase<GapKindApi>, { colour: string; border: 'dashed' | 'double' | 'dotted' }> = {
  fill: { colour: '#c62828', border: 'dashed' },
  strengthen: { colour: '#e07b00', border: 'double' },
  extend: { colour: '#6a3fb5', border: 'dotted' },
};

export const HIGHLIGHT_COLOUR = '#ffb300';
/** Colours of highlighted path edges, by relationship type. */
export const PATH_EDGE_COLOURS: Record<string, string> = { SUPPLIES: '#0b5cad', OPERATES_IN: '#7a5c00', FEEDS: '#2e7d32' };

/** Stylesheet of the map: pure data, no DOM. */
export function chainStylesheet(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(display)',
        'font-size': 12,
        'min-zoomed-font-size': 7,
        'text-valign': 'center',
        'text-halign': 'center',
        'text-wrap': 'wrap',
        'text-max-width': '96px',
        color: '#1b1f24',
        shape: 'round-rectangle',
        width: 108,
        height: 42,
        'background-color': STRENGTH_COLOURS.unknown,
        'border-width': 1,
        'border-color': '#56616b',
      },
    },
    ...(Object.keys(STRENGTH_COLOURS) as Strength[]).map((s) => ({
      selector: `node[label = "Segment"][strength = "${s}"]`,
      style: { 'background-color': STRENGTH_COLOURS[s], color: STRENGTH_TEXT[s] },
    })),
    ...Object.entries(GAP_STYLES).map(([kind, g]) => ({
      selector: `node[gapKind = "${kind}"]`,
      style: { 'border-width': kind === 'strengthen' ? 7 : 4, 'border-color': g.colour, 'border-style': g.border },
    })),
    {
      selector: 'node[label = "Enterprise"]',
      style: {
        shape: 'ellipse',
        width: 30,
        height: 30,
        'background-color': '#7b8794',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'font-size': 9,
        'text-max-width': '110px',
        color: '#1b1f24',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
      },
    },
    { selector: 'node[label = "Enterprise"][?local]', style: { 'background-color': '#2e7d32' } },
    { selector: 'node[label = "Enterprise"][role = "leader"]', style: { shape: 'star', width: 38, height: 38 } },
    // Solid strokes only on enterprises and their edges: dashed and dotted strokes cost most of the frame
    // time with thousands of elements (5k: 0.5 fps dashed vs 35–41 fps solid, bench/README.md).
    { selector: 'node[label = "Enterprise"][origin = "sample"]', style: { 'border-color': '#c9a227', 'border-width': 3 } },
    {
      selector: 'edge',
      style: {
        width: 2,
        'line-color': '#9aa5b1',
        'target-arrow-color': '#9aa5b1',
        'target-arrow-shape': 'triangle',
        // Straight edges render ~3× faster than bezier on a 5k-element graph (first frame 1.4 s vs 4.5 s,
        // software rendering); the maps have no parallel edges that would need curves.
        'curve-style': 'straight',
        'arrow-scale': 0.9,
      },
    },
    { selector: 'edge[type = "OPERATES_IN"]', style: { width: 1, 'line-color': '#d3d9df', 'target-arrow-shape': 'none' } },
    { selector: 'edge[type = "SUPPLIES"]', style: { 'line-color': '#5c7c99', 'target-arrow-color': '#5c7c99', width: 1.5 } },
    { selector: 'node:selected', style: { 'overlay-color': '#0b3d62', 'overlay-opacity': 0.18, 'overlay-padding': 6 } },
    { selector: '.faded', style: { opacity: 0.18 } },
    { selector: 'node.highlighted', style: { 'underlay-color': HIGHLIGHT_COLOUR, 'underlay-opacity': 0.85, 'underlay-padding': 8, opacity: 1 } },
    // On an explanation path labels sit on an opaque ground, so the edges do not cross them.
    { selector: 'node[label = "Enterprise"].highlighted', style: { 'text-background-opacity': 1, 'text-background-padding': '2px', 'font-weight': 'bold' } },
    // The candidate stands apart from the local buyers and competitors around it.
    { selector: 'node.focus', style: { shape: 'diamond', width: 48, height: 48, 'background-color': '#0b5cad', 'border-color': '#0b3d62', 'border-width': 3 } },
    {
      selector: 'edge.highlighted',
      style: {
        width: 4,
        'line-color': HIGHLIGHT_COLOUR,
        'target-arrow-color': HIGHLIGHT_COLOUR,
        opacity: 1,
        'z-index': 10,
        label: 'data(pathLabel)',
        'font-size': 11,
        color: '#1b1f24',
        'text-background-color': '#ffffff',
        'text-background-opacity': 1,
        'text-background-padding': '2px',
        'text-rotation': 'autorotate',
      },
    },
    // Path edges by kind: who supplies whom, who operates where, which segment feeds which.
    ...Object.entries(PATH_EDGE_COLOURS).map(([type, colour]) => ({
      selector: `edge.highlighted[type = "${type}"]`,
      style: { 'line-color': colour, 'target-arrow-color': colour },
    })),
  ];
}
