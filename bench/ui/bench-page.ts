/**
 * Bench page: draws a synthetic neighbourhood/chain map of N elements with the
 * product's own graph code (client/graph: createGraph, layoutFor, stylesheet)
 * and measures layout, first render and panning. Driven by bench/lib/ui.ts.
 */
import cytoscape, { type Core } from 'cytoscape';
import type { GraphElements } from '../../client/api.ts';
import { createGraph, layoutFor, toCytoscapeElements } from '../../client/graph/create-graph.ts';
import { chainStylesheet } from '../../client/graph/stylesheet.ts';

/**
 * product: createGraph as the UI uses it. lean: the same, with solid straight
 * (haystack) edges and solid borders, i.e. no dashed/dotted strokes and no
 * per-edge bezier/arrow work. webgl: lean plus the experimental WebGL renderer.
 * nodash: product with solid strokes only. haystack: product with haystack edges only.
 */
export type Variant = 'product' | 'lean' | 'webgl' | 'nodash' | 'haystack';

function makeGraph(container: HTMLElement, variant: Variant): Core {
  if (variant === 'product') return createGraph(container);
  if (variant === 'nodash' || variant === 'haystack') {
    const cy = createGraph(container);
    const style = cy.style();
    if (variant === 'nodash') style.selector('edge').style({ 'line-style': 'solid' }).selector('node').style({ 'border-style': 'solid' });
    else style.selector('edge').style({ 'curve-style': 'haystack', 'target-arrow-shape': 'none' });
    style.update();
    return cy;
  }
  const cy = cytoscape({
    container,
    style: chainStylesheet(),
    minZoom: 0.05,
    maxZoom: 4,
    hideEdgesOnViewport: true,
    textureOnViewport: true,
    pixelRatio: 'auto',
    boxSelectionEnabled: false,
    ...(variant === 'webgl' ? { renderer: { name: 'canvas', webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions);
  cy.style()
    .selector('edge')
    .style({ 'curve-style': 'haystack', 'line-style': 'solid', 'target-arrow-shape': 'none' })
    .selector('node')
    .style({ 'border-style': 'solid' })
    .update();
  return cy;
}

const SEGMENTS = 50;

/** A chain-map-like graph: segments in FEEDS tiers, enterprises OPERATES_IN them, SUPPLIES among enterprises; 40 % nodes, 60 % edges. */
function syntheticElements(elements: number): GraphElements {
  let s = 12345;
  const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
  const nodeCount = Math.round(elements * 0.4);
  const nodes: GraphElements['nodes'] = [];
  const edges: GraphElements['edges'] = [];
  const segs = Math.min(SEGMENTS, nodeCount);
  for (let i = 0; i < segs; i++)
    nodes.push({ id: `seg:${i}`, label: 'Segment', name: `环节${i}`, properties: { stage: ['upstream', 'midstream', 'downstream'][i % 3] } });
  for (let i = segs; i < nodeCount; i++) {
    nodes.push({
      id: `ent:${i}`,
      label: 'Enterprise',
      name: `合肥样例${i}科技有限公司`,
      properties: { local: rnd() < 0.2, origin: 'sample', output: Math.round(rnd() * 10000) },
    });
  }
  const edge = (type: string, source: string, target: string) => edges.push({ id: `${type}:${source}->${target}:${edges.length}`, type, source, target });
  for (let i = 1; i < segs; i++) edge('FEEDS', `seg:${Math.floor(rnd() * i)}`, `seg:${i}`);
  for (let i = segs; i < nodeCount; i++) edge('OPERATES_IN', `ent:${i}`, `seg:${Math.floor(rnd() * segs)}`);
  const wanted = elements - nodeCount;
  while (edges.length < wanted) {
    const a = segs + Math.floor(rnd() * (nodeCount - segs));
    const b = segs + Math.floor(rnd() * (nodeCount - segs));
    if (a !== b) edge('SUPPLIES', `ent:${a}`, `ent:${b}`);
  }
  return { nodes, edges };
}

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

export interface UiResult {
  elements: number;
  nodes: number;
  edges: number;
  layout: string;
  variant: Variant;
  layoutMs: number;
  /** From adding the elements to the first frame painted after the layout. */
  firstRenderMs: number;
  panFrames: number;
  panFps: number;
  panP95FrameMs: number;
  panMaxFrameMs: number;
}

async function run(elements: number, variant: Variant = 'product', panMs = 3000): Promise<UiResult> {
  const data = syntheticElements(elements);
  const container = document.getElementById('cy')!;
  const cy = makeGraph(container, variant);
  await frame();
  const t0 = performance.now();
  cy.add(toCytoscapeElements(data));
  const options = layoutFor(data.nodes.length);
  const layout = cy.layout(options);
  const stopped = new Promise<void>((r) => layout.one('layoutstop', () => r()));
  const tl = performance.now();
  layout.run();
  await stopped;
  const layoutMs = performance.now() - tl;
  await frame();
  await frame();
  const firstRenderMs = performance.now() - t0;
  const intervals: number[] = [];
  let last = await frame();
  const end = last + panMs;
  let k = 0;
  while (last < end) {
    cy.panBy({ x: k % 120 < 60 ? 6 : -6, y: k % 80 < 40 ? 3 : -3 });
    k++;
    const now = await frame();
    intervals.push(now - last);
    last = now;
  }
  // let the viewport settle so the next run starts clean
  await new Promise((r) => setTimeout(r, 300));
  cy.destroy();
  intervals.sort((a, b) => a - b);
  const total = intervals.reduce((x, y) => x + y, 0);
  return {
    elements,
    nodes: data.nodes.length,
    edges: data.edges.length,
    layout: String((options as { name: string }).name),
    variant,
    layoutMs: Math.round(layoutMs),
    firstRenderMs: Math.round(firstRenderMs),
    panFrames: intervals.length,
    panFps: Math.round((intervals.length / total) * 1000 * 10) / 10,
    panP95FrameMs: Math.round(intervals[Math.floor(intervals.length * 0.95)]! * 10) / 10,
    panMaxFrameMs: Math.round(intervals[intervals.length - 1]! * 10) / 10,
  };
}

(window as unknown as { runBench: typeof run }).runBench = run;
(window as unknown as { benchReady: boolean }).benchReady = true;
