import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';
import { NEIGHBOURHOOD, SEARCH } from './explore-queries.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
// The neighbourhood stops walking at limit + 1 nodes and reads properties only for what it returns;
// search ranks index hits and a capped scan in the service. These check that the answers stay consistent.

describe('explore fast paths on the seed graph', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(loadSeeds);
  });
  afterAll(() => api.close());

  const hood = async (vars: Record<string, unknown>) => {
    const res = await api.gql(NEIGHBOURHOOD, vars);
    expect(res.errors).toBeUndefined();
    return res.data.neighbourhood;
  };

  it('a smaller limit returns a prefix of the nodes of a larger one, with the same edges and properties', async () => {
    for (const id of ['chain:nev-parts', 'seg:alloy-casting', 'ent:s0001']) {
      const full = await hood({ id, depth: 2, limit: 2000 });
      const fullEdges = new Map(full.edges.map((e: any) => [e.id, e]));
      for (const limit of [1, 7, 40, 150]) {
        const part = await hood({ id, depth: 2, limit });
        expect(part.nodes.length + part.edges.length).toBeLessThanOrEqual(limit);
        expect(part.nodes).toEqual(full.nodes.slice(0, part.nodes.length));
        for (const e of part.edges) expect(fullEdges.get(e.id)).toEqual(e);
        if (full.nodes.length + full.edges.length > limit) expect(part.truncated).toBe(true);
      }
    }
  });

  it('returns relationship properties (SUPPLIES product and share) and keeps no search keys', async () => {
    const n = await hood({ id: 'ent:s0001', depth: 1, limit: 2000 });
    const supplies = n.edges.filter((e: any) => e.type === 'SUPPLIES');
    expect(supplies.length).toBeGreaterThan(0);
    for (const e of supplies) expect(Object.keys(e.properties)).toEqual(expect.arrayContaining(['product', 'share']));
    for (const x of n.nodes) expect(x.properties).not.toHaveProperty('searchShortName');
  });

  it('filters by area at depth 2 through the walk, keeping the centre first', async () => {
    const n = await hood({ id: 'chain:light-alloy', depth: 2, filter: { labels: ['Enterprise'], areaId: 'area:chaohu' }, limit: 2000 });
    expect(n.nodes[0].id).toBe('chain:light-alloy');
    expect(n.nodes.length).toBeGreaterThan(1);
    for (const x of n.nodes.slice(1)) expect(x.label).toBe('Enterprise');
    const kept = new Set(n.nodes.map((x: any) => x.id));
    for (const e of n.edges) expect(kept.has(e.source) && kept.has(e.target)).toBe(true);
  });

  it('search: a smaller limit gives the head of a larger one; kinds restrict the labels', async () => {
    for (const text of ['示例', '轻合金', '巢湖']) {
      const all = (await api.gql(SEARCH, { text, limit: 50 })).data.search;
      const head = (await api.gql(SEARCH, { text, limit: 5 })).data.search;
      expect(head).toEqual(all.slice(0, 5));
      const ranks = all.map((h: any) => ['EXACT', 'PREFIX', 'CONTAINS'].indexOf(h.match));
      expect(ranks).toEqual([...ranks].sort((a: number, b: number) => a - b));
    }
    const segments = (await api.gql(SEARCH, { text: '轻合金', kinds: ['Segment'], limit: 50 })).data.search;
    expect(segments.length).toBeGreaterThan(0);
    for (const h of segments) expect(h.kind).toBe('Segment');
  });

  it('search: an exact name is found through the index and comes first', async () => {
    const res = (await api.gql(SEARCH, { text: '巢湖示例瑞弘轻合金科技有限公司' })).data.search;
    expect(res[0]).toMatchObject({ id: 'ent:s0001', match: 'EXACT', context: '烔炀镇 · 高性能轻合金' });
  });
});
