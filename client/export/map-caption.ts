import { esc } from '../graph/svg-export.ts';

/**
 * A title band and a legend band around an exported map, so a PNG or SVG
 * pasted into a report says what it shows: which chain, which area, when, and
 * what the colours and borders mean.
 */
export interface LegendEntry {
  label: string;
  fill: string;
  /** Border colour and style (gap kinds); none for strength swatches. */
  border?: { colour: string; style: 'dashed' | 'double' | 'dotted' };
}

export interface MapCaption {
  title: string;
  /** e.g. 新能源汽车零部件 · 巢湖市 · 导出于 2026-11-30 */
  subtitle: string;
  legend: LegendEntry[];
}

const HEADER = 64;
const LEGEND = 40;
const FONT = 'Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif';
/** Room per legend entry: swatch, gap and label (CJK labels are short; English ones longer). */
const entryWidth = (e: LegendEntry) => 34 + 9 * [...e.label].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1.1), 0);

/** Puts an exported map SVG (a standalone document) between the title band and the legend band. */
export function captionSvg(svg: string, caption: MapCaption): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  const width = Number(/\bwidth="([\d.]+)"/.exec(open?.[0] ?? '')?.[1] ?? 1);
  const height = Number(/\bheight="([\d.]+)"/.exec(open?.[0] ?? '')?.[1] ?? 1);
  const legendWidth = caption.legend.reduce((n, e) => n + entryWidth(e), 0) + 32;
  const w = Math.max(Math.round(width), Math.round(legendWidth), 480);
  const h = HEADER + Math.round(height) + LEGEND;
  // The map becomes a nested <svg> placed below the title; it keeps its own view box.
  const inner = svg.replace(/^<svg\b/, `<svg x="${((w - width) / 2).toFixed(1)}" y="${HEADER}"`);
  let x = 16;
  const legend = caption.legend.map((e) => {
    const dash = e.border ? (e.border.style === 'dashed' ? ' stroke-dasharray="5 3"' : e.border.style === 'dotted' ? ' stroke-dasharray="2 2"' : '') : '';
    const swatch = `<rect x="${x}" y="${HEADER + height + 12}" width="22" height="14" rx="3" fill="${esc(e.fill)}" stroke="${esc(e.border?.colour ?? '#56616b')}" stroke-width="${e.border ? 3 : 1}"${dash}/>`;
    const label = `<text x="${x + 28}" y="${HEADER + height + 24}" font-size="13" fill="#1b1f24">${esc(e.label)}</text>`;
    x += entryWidth(e);
    return swatch + label;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${FONT}">`,
    `<rect width="${w}" height="${h}" fill="#ffffff"/>`,
    `<text x="16" y="28" font-size="20" font-weight="600" fill="#0b3d62" data-role="title">${esc(caption.title)}</text>`,
    `<text x="16" y="52" font-size="14" fill="#56616b" data-role="subtitle">${esc(caption.subtitle)}</text>`,
    inner,
    `<g data-role="legend">${legend.join('')}</g>`,
    '</svg>',
  ].join('\n');
}

/** The same bands drawn around a PNG of the map (cy.png), as a new PNG. */
export async function captionPng(png: Blob, caption: MapCaption, scale = 2): Promise<Blob> {
  const image = await createImageBitmap(png);
  const legendWidth = (caption.legend.reduce((n, e) => n + entryWidth(e), 0) + 32) * scale;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(image.width, Math.round(legendWidth), 480 * scale);
  canvas.height = image.height + (HEADER + LEGEND) * scale;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.scale(scale, scale);
  g.fillStyle = '#0b3d62';
  g.font = `600 20px ${FONT}`;
  g.fillText(caption.title, 16, 28);
  g.fillStyle = '#56616b';
  g.font = `14px ${FONT}`;
  g.fillText(caption.subtitle, 16, 52);
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.drawImage(image, Math.round((canvas.width - image.width) / 2), HEADER * scale);
  g.scale(scale, scale);
  const top = HEADER + image.height / scale + 12;
  let x = 16;
  g.font = `13px ${FONT}`;
  for (const e of caption.legend) {
    g.fillStyle = e.fill;
    g.fillRect(x, top, 22, 14);
    g.strokeStyle = e.border?.colour ?? '#56616b';
    g.lineWidth = e.border ? 3 : 1;
    g.setLineDash(e.border?.style === 'dashed' ? [5, 3] : e.border?.style === 'dotted' ? [2, 2] : []);
    g.strokeRect(x, top, 22, 14);
    g.setLineDash([]);
    g.fillStyle = '#1b1f24';
    g.fillText(e.label, x + 28, top + 12);
    x += entryWidth(e);
  }
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
