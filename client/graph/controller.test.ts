import { afterEach, describe, expect, it } from 'vitest';
import type { ElementDefinition } from 'cytoscape';
import { createGraph } from './create-graph.ts';
import { createController, type GraphController } from './controller.ts';
import { cyToSvg } from './svg-export.ts';

const seg = (id: string, name = id): ElementDefinition => ({ group: 'nodes', data: { id, label: 'Segment', name, stage: 'midstream' } });
const ent = (id: string, extra: Record<string, unknown> = {}): ElementDefinition => ({ group: 'nodes', data: { id, label: 'Enterprise', name: id, ...extra } });
const edge = (source: string, target: string, type = 'FEEDS'): ElementDefinition => ({
  group: 'edges',
  data: { id: `${source}->${target}`, source, target, type },
});

describe('graph controller (headless)', () => {
  let controller: GraphController;
  afterEach(() => controller?.destroy());

  async function withMap(): Promise<GraphController> {
    controller = createController(createGraph(undefined));
    await controller.show([seg('a', '轻合金'), seg('b', '铸锻件'), seg('c', '汽车零部件'), edge('a', 'b'), edge('b', 'c')]);
    return controller;
  }

  it('lays segments out left to right, upstream first', async () => {
    const { cy } = await withMap();
    const x = (id: string) => cy.getElementById(id).position('x');
    expect(x('a')).toBeLessThan(x('b'));
    expect(x('b')).toBeLessThan(x('c'));
  });

  it('decorates segments with strength and gap kind, resetting the rest', async () => {
    const { cy } = await withMap();
    controller.decorateSegments(new Map([['b', { strength: 'none', gapKind: 'fill', gapId: 'g1' }]]));
    expect(cy.getElementById('b').data()).toMatchObject({ strength: 'none', gapKind: 'fill', gapId: 'g1' });
    expect(cy.getElementById('a').data('strength')).toBe('unknown');
    expect(cy.getElementById('b').style('border-style')).toBe('dashed');
  });

  it('expands neighbours without moving existing nodes and skips duplicates and dangling edges', async () => {
    const { cy } = await withMap();
    const before = cy.nodes().map((n) => ({ id: n.id(), ...n.position() }));
    const added = await controller.expand('b', [
      ent('e1'),
      ent('e2'),
      seg('a'),
      edge('e1', 'b', 'OPERATES_IN'),
      edge('e2', 'b', 'OPERATES_IN'),
      edge('zz', 'b'),
    ]);
    expect(added.sort()).toEqual(['e1', 'e2']);
    for (const p of before) expect(cy.getElementById(p.id).position()).toEqual({ x: p.x, y: p.y });
    expect(cy.edges().length).toBe(4);
    const b = cy.getElementById('b').position();
    const e1 = cy.getElementById('e1').position();
    expect(Math.hypot(e1.x - b.x, e1.y - b.y)).toBeLessThan(400);
  });

  it('places new nodes clear of existing ones', async () => {
    const { cy } = await withMap();
    await controller.expand(
      'b',
      Array.from({ length: 12 }, (_, i) => ent(`n${i}`)),
    );
    const old = cy.nodes('[label = "Segment"]').map((n) => n.boundingBox({}));
    for (const n of cy.nodes('[label = "Enterprise"]')) {
      const p = n.position();
      for (const b of old) expect(p.x > b.x1 - 15 && p.x < b.x2 + 15 && p.y > b.y1 - 15 && p.y < b.y2 + 15).toBe(false);
    }
  });

  it('lays out big expansions as a grid below the map', async () => {
    const { cy } = await withMap();
    const bottom = cy.nodes().boundingBox({}).y2;
    const many = Array.from({ length: 200 }, (_, i) => ent(`x${i}`));
    const added = await controller.expand('c', many);
    expect(added.length).toBe(200);
    expect(Math.min(...cy.nodes('[label = "Enterprise"]').map((n) => n.position('y')))).toBeGreaterThan(bottom);
  });

  it('highlights found ids, fades the rest and clears', async () => {
    const { cy } = await withMap();
    expect(controller.highlight(['a', 'a->b', 'nope'])).toEqual(['a', 'a->b']);
    expect(cy.getElementById('c').hasClass('faded')).toBe(true);
    expect(cy.getElementById('a->b').hasClass('highlighted')).toBe(true);
    controller.clearHighlight();
    expect(cy.$('.faded, .highlighted').length).toBe(0);
  });

  it('emits tap events with node data', async () => {
    const { cy } = await withMap();
    const taps: string[] = [];
    controller.on('tap', (e) => taps.push(`${e.label}:${e.id}`));
    cy.getElementById('b').emit('tap');
    expect(taps).toEqual(['Segment:b']);
    expect(controller.select('c')).toBe(true);
    expect(cy.$(':selected').map((n) => n.id())).toEqual(['c']);
    expect(controller.select('missing')).toBe(false);
  });

  it('serialises the map as SVG with Chinese labels as text', async () => {
    await withMap();
    controller.decorateSegments(new Map([['b', { strength: 'none', gapKind: 'fill' }]]));
    const svg = cyToSvg(controller.cy);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('>轻合金</text>');
    expect(svg).toContain('stroke-dasharray="8 4"');
    expect(svg.match(/<line /g)?.length).toBe(2);
  });
});

describe('displayLabel', async () => {
  const { displayLabel } = await import('./controller.ts');
  it('breaks Chinese names and uses English names when asked', () => {
    expect(displayLabel({ label: 'Segment', name: '新能源电池管理系统BMS', nameEn: 'BMS' }, 'zh')).toBe('新能源电池管理\n系统BMS');
    expect(displayLabel({ label: 'Segment', name: '铸件', nameEn: 'Castings' }, 'en')).toBe('Castings');
    expect(displayLabel({ label: 'Enterprise', name: '甲', id: 'e' }, 'en')).toBe('甲');
  });
});

describe('a 5,000-element map', () => {
  it('uses breadthfirst (not ELK) and lays out in seconds', async () => {
    const controller = createController(createGraph(undefined));
    const elements: ElementDefinition[] = [];
    const tiers = 6;
    const perTier = 300;
    for (let t = 0; t < tiers; t++) for (let i = 0; i < perTier; i++) elements.push(ent(`n${t}-${i}`));
    const seen = new Set<string>();
    for (let k = 1; elements.length < 5000; k++)
      for (let t = 0; t < tiers - 1 && elements.length < 5000; t++)
        for (let i = 0; i < perTier && elements.length < 5000; i++) {
          const e = edge(`n${t}-${i}`, `n${t + 1}-${(i * (6 * k + 1) + k) % perTier}`, 'SUPPLIES');
          if (seen.has(e.data.id!)) continue;
          seen.add(e.data.id!);
          elements.push(e);
        }
    const started = performance.now();
    await controller.show(elements);
    const ms = performance.now() - started;
    expect(controller.cy.elements().length).toBe(5000);
    expect(ms).toBeLessThan(15_000);
    const xs = (tier: number) => controller.cy.nodes(`[id ^= "n${tier}-"]`).map((n) => n.position('x'));
    expect(Math.max(...xs(0))).toBeLessThan(Math.min(...xs(5)));
    controller.destroy();
  }, 30_000);
});

describe('fitViewport', async () => {
  const { fitViewport } = await import('./controller.ts');
  it('centres the box in the part of the canvas not covered by overlays', () => {
    const v = fitViewport({ x1: 0, y1: 0, x2: 100, y2: 100 }, 1000, 600, { top: 0, right: 0, bottom: 0, left: 300 }, 50, [0.1, 2]);
    expect(v.zoom).toBe(2);
    expect(v.pan).toEqual({ x: 300 + 50 + 300 - 100, y: 300 - 100 });
  });
});
