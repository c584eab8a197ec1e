import type { Core } from 'cytoscape';

/**
 * A small SVG serializer of the map from node positions and computed styles.
 * It draws what a chain map needs (rounded boxes, ellipses, straight arrows,
 * labels, gap borders, highlight) and nothing else: enough for a report, with
 * text that stays text (searchable, sharp when printed) — which cy.png() is not.
 */
export interface SvgNode {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  fill: string;
  text: string;
  stroke: string;
  strokeWidth: number;
  dash: 'solid' | 'dashed' | 'dotted' | 'double';
  ellipse: boolean;
  opacity: number;
  halo: string | null;
  fontSize: number;
  labelBelow: boolean;
}

export interface SvgEdge {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  colour: string;
  width: number;
  dashed: boolean;
  arrow: boolean;
  opacity: number;
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Splits a label into lines of at most `max` characters (CJK text has no spaces to wrap at). */
export function wrapLabel(label: string, max: number): string[] {
  const chars = [...label];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += max) lines.push(chars.slice(i, i + max).join(''));
  return lines.length ? lines : [''];
}

/** Renders nodes and edges to a standalone SVG document; the view box fits everything with `padding`. */
export function renderSvg(nodes: readonly SvgNode[], edges: readonly SvgEdge[], padding = 20): string {
  if (nodes.length === 0) return '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';
  const x1 = Math.min(...nodes.map((n) => n.x - n.w / 2 - 10)) - padding;
  const y1 = Math.min(...nodes.map((n) => n.y - n.h / 2 - 10)) - padding;
  const x2 = Math.max(...nodes.map((n) => n.x + n.w / 2 + 10)) + padding;
  const y2 = Math.max(...nodes.map((n) => n.y + n.h / 2 + (n.labelBelow ? 30 : 10))) + padding;
  const w = Math.round(x2 - x1);
  const h = Math.round(y2 - y1);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${x1.toFixed(1)} ${y1.toFixed(1)} ${w} ${h}" font-family="Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>',
    `<rect x="${x1.toFixed(1)}" y="${y1.toFixed(1)}" width="${w}" height="${h}" fill="#ffffff"/>`,
  ];
  for (const e of edges) {
    parts.push(
      `<line data-id="${esc(e.id)}" x1="${e.x1.toFixed(1)}" y1="${e.y1.toFixed(1)}" x2="${e.x2.toFixed(1)}" y2="${e.y2.toFixed(1)}" stroke="${esc(e.colour)}" stroke-width="${e.width}"${e.dashed ? ' stroke-dasharray="3 3"' : ''}${e.arrow ? ' marker-end="url(#arrow)"' : ''}${e.opacity < 1 ? ` opacity="${e.opacity}"` : ''}/>`,
    );
  }
  for (const n of nodes) {
    const dash = n.dash === 'dashed' ? ' stroke-dasharray="8 4"' : n.dash === 'dotted' ? ' stroke-dasharray="2 3"' : '';
    const op = n.opacity < 1 ? ` opacity="${n.opacity}"` : '';
    const shape = n.ellipse
      ? `<ellipse cx="${n.x.toFixed(1)}" cy="${n.y.toFixed(1)}" rx="${n.w / 2}" ry="${n.h / 2}"`
      : `<rect x="${(n.x - n.w / 2).toFixed(1)}" y="${(n.y - n.h / 2).toFixed(1)}" width="${n.w}" height="${n.h}" rx="6"`;
    parts.push(`<g data-id="${esc(n.id)}"${op}>`);
    if (n.halo)
      parts.push(
        `<rect x="${(n.x - n.w / 2 - 8).toFixed(1)}" y="${(n.y - n.h / 2 - 8).toFixed(1)}" width="${n.w + 16}" height="${n.h + 16}" rx="10" fill="${esc(n.halo)}" opacity="0.85"/>`,
      );
    if (n.dash === 'double' && !n.ellipse && n.strokeWidth >= 3) {
      // SVG has no double stroke: two thin outlines, like Cytoscape draws it.
      const w = n.strokeWidth / 3;
      const inset = (n.strokeWidth * 2) / 3;
      parts.push(`${shape} fill="${esc(n.fill)}" stroke="${esc(n.stroke)}" stroke-width="${w}"/>`);
      parts.push(
        `<rect x="${(n.x - n.w / 2 + inset).toFixed(1)}" y="${(n.y - n.h / 2 + inset).toFixed(1)}" width="${n.w - 2 * inset}" height="${n.h - 2 * inset}" rx="4" fill="none" stroke="${esc(n.stroke)}" stroke-width="${w}"/>`,
      );
    } else parts.push(`${shape} fill="${esc(n.fill)}" stroke="${esc(n.stroke)}" stroke-width="${n.strokeWidth}"${dash}/>`);
    const lines = wrapLabel(n.label, n.labelBelow ? 12 : Math.max(4, Math.floor(n.w / n.fontSize)));
    const top = n.labelBelow ? n.y + n.h / 2 + n.fontSize + 2 : n.y - ((lines.length - 1) * n.fontSize * 1.2) / 2 + n.fontSize * 0.35;
    lines.forEach((line, i) => {
      parts.push(
        `<text x="${n.x.toFixed(1)}" y="${(top + i * n.fontSize * 1.2).toFixed(1)}" font-size="${n.fontSize}" text-anchor="middle" fill="${esc(n.text)}">${esc(line)}</text>`,
      );
    });
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('\n');
}

function num(value: unknown, fallback: number): number {
  const n = parseFloat(String(value));
  return Number.isFinite(n) ? n : fallback;
}

/** Reads what `renderSvg` needs from a (possibly headless) Cytoscape instance. */
export function cyToSvg(cy: Core): string {
  const nodes: SvgNode[] = cy.nodes(':visible').map((n) => {
    const p = n.position();
    const shape = String(n.style('shape'));
    return {
      id: n.id(),
      x: p.x,
      y: p.y,
      w: num(n.style('width'), 30),
      h: num(n.style('height'), 30),
      label: String(n.data('name') ?? n.id()),
      fill: String(n.style('background-color')),
      text: String(n.style('color')),
      stroke: String(n.style('border-color')),
      strokeWidth: num(n.style('border-width'), 0),
      dash: String(n.style('border-style')) as SvgNode['dash'],
      ellipse: shape === 'ellipse' || shape === 'star',
      opacity: num(n.style('opacity'), 1),
      halo: n.hasClass('highlighted') ? String(n.style('underlay-color')) : null,
      fontSize: num(n.style('font-size'), 12),
      labelBelow: String(n.style('text-valign')) === 'bottom',
    };
  });
  const edges: SvgEdge[] = cy.edges(':visible').map((e) => {
    const s = e.source().position();
    const t = e.target().position();
    // Stop the line at the target's border so the arrow head shows.
    const tw = num(e.target().style('width'), 30) / 2;
    const th = num(e.target().style('height'), 30) / 2;
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const scale = Math.min(dx ? tw / Math.abs(dx) : Infinity, dy ? th / Math.abs(dy) : Infinity, 1);
    return {
      id: e.id(),
      x1: s.x,
      y1: s.y,
      x2: t.x - dx * (Number.isFinite(scale) ? scale : 0),
      y2: t.y - dy * (Number.isFinite(scale) ? scale : 0),
      colour: String(e.style('line-color')),
      width: num(e.style('width'), 1),
      dashed: String(e.style('line-style')) !== 'solid',
      arrow: String(e.style('target-arrow-shape')) !== 'none',
      opacity: num(e.style('opacity'), 1),
    };
  });
  return renderSvg(nodes, edges);
}
