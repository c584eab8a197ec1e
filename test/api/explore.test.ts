import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NeighbourhoodDocument } from '../../client/generated/graphql.ts';
import { LANES, runningIn } from '../../server/services/limits/work-limits.ts';
import { enableProjection } from '../../server/services/projection/projection-lifecycle.ts';
import { projectionReady } from '../../server/services/projection/projection-registry.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';
import { NEIGHBOURHOOD, SEARCH } from './explore-queries.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Api = TestApi;
const seededApi = (): Promise<Api> => createTestApi(loadSeeds);

const PATH = `query ($fromId: ID!, $toId: ID!) { shortestPath(fromId: $fromId, toId: $toId) { nodes { id label name } edges { id type source target } } }`;

describe('explore: search, neighbourhood, shortest path on the seed graph', () => {
  let api: Api;
  beforeAll(async () => {
    api = await seededApi();
    const created = await api.gql(
      `mutation { createEnterprise(input: { name: "合肥测试（巢湖）精密铸造有限责任公司", shortName: "测试精铸", areaId: "area:chaohu" }) { id } }`,
    );
    expect(created.errors).toBeUndefined();
  });
  afterAll(() => api.close());

  describe('search', () => {
    it('matches 有限公司 against a stored 有限责任公司 and () against （）, exactly', async () => {
      const res = await api.gql(SEARCH, { text: '合肥测试(巢湖)精密铸造有限公司' });
      expect(res.errors).toBeUndefined();
      expect(res.data.search[0]).toMatchObject({ kind: 'Enterprise', name: '合肥测试（巢湖）精密铸造有限责任公司', match: 'EXACT', context: '巢湖市' });
    });

    it('matches seed names written without searchName (backfilled) despite the suffix variant', async () => {
      // the seed CSV says 巢湖示例瑞弘轻合金科技有限公司
      const res = await api.gql(SEARCH, { text: '瑞弘轻合金科技有限责任公司' });
      expect(res.data.search).toEqual([expect.objectContaining({ kind: 'Enterprise', id: 'ent:s0001', match: 'CONTAINS', context: '烔炀镇 · 高性能轻合金' })]);
    });

    it('finds by short name, full-width query text included', async () => {
      const res = await api.gql(SEARCH, { text: '瑞弘轻合金' });
      expect(res.data.search[0]).toMatchObject({ id: 'ent:s0001', shortName: '瑞弘轻合金', match: 'EXACT' });
      const wide = await api.gql(SEARCH, { text: '测试（巢湖）精密' });
      expect(wide.data.search.map((h: any) => h.name)).toContain('合肥测试（巢湖）精密铸造有限责任公司');
    });

    it('ranks exact > prefix > contains across segments, chains and enterprises', async () => {
      const res = await api.gql(SEARCH, { text: '轻合金铸件', limit: 50 });
      const hits = res.data.search;
      expect(hits[0]).toMatchObject({ kind: 'Segment', id: 'seg:alloy-casting', match: 'EXACT', context: '高性能轻合金' });
      const ranks = hits.map((h: any) => ['EXACT', 'PREFIX', 'CONTAINS'].indexOf(h.match));
      expect(ranks).toEqual([...ranks].sort((a: number, b: number) => a - b));
    });

    it('finds chains and units and filters by kind', async () => {
      const chain = await api.gql(SEARCH, { text: '新能源汽车零部件', kinds: ['Chain'] });
      expect(chain.data.search).toEqual([expect.objectContaining({ kind: 'Chain', id: 'chain:nev-parts', match: 'EXACT' })]);
      const unit = await api.gql(SEARCH, { text: '经信局', kinds: ['Unit'] });
      expect(unit.data.search).toEqual([expect.objectContaining({ kind: 'Unit', id: 'unit:shi-jingxin', name: '市经信局', context: '巢湖市' })]);
    });

    it('caps the limit at 50 and refuses empty text, naming the argument', async () => {
      const many = await api.gql(SEARCH, { text: '示例', limit: 50 });
      expect(many.data.search).toHaveLength(50);
      const tooMany = await api.gql(SEARCH, { text: '示例', limit: 51 });
      expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'limit' } });
      expect(tooMany.errors?.[0].message).toMatch(/^limit:/);
      const empty = await api.gql(SEARCH, { text: '  ' });
      expect(empty.errors?.[0].message).toMatch(/^text:/);
    });
  });

  describe('neighbourhood', () => {
    it('depth 1: the node, its direct neighbours and the relationships among them', async () => {
      const res = await api.gql(NEIGHBOURHOOD, { id: 'ent:s0001', depth: 1 });
      expect(res.errors).toBeUndefined();
      const n = res.data.neighbourhood;
      expect(n).toMatchObject({ centerId: 'ent:s0001', depth: 1, truncated: false });
      expect(n.nodes[0]).toMatchObject({ id: 'ent:s0001', label: 'Enterprise', name: '巢湖示例瑞弘轻合金科技有限公司' });
      expect(n.nodes[0].properties).not.toHaveProperty('searchName');
      const ids = new Set(n.nodes.map((x: any) => x.id));
      expect(ids).toContain('area:tongyang');
      expect(ids).toContain('seg:light-alloy-material');
      // every neighbour touches the centre through a returned edge
      for (const id of ids) {
        if (id === 'ent:s0001') continue;
        expect(n.edges.some((e: any) => (e.source === id && e.target === 'ent:s0001') || (e.target === id && e.source === 'ent:s0001'))).toBe(true);
      }
      expect(n.edges).toContainEqual({
        id: 'OPERATES_IN:ent:s0001->seg:light-alloy-material',
        type: 'OPERATES_IN',
        source: 'ent:s0001',
        target: 'seg:light-alloy-material',
        properties: expect.objectContaining({ role: 'leader' }),
      });
      for (const e of n.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    });

    it('without properties asked for, the same nodes and edges, and no properties read from the store', async () => {
      const LEAN = `query ($id: ID!, $depth: Int, $filter: NeighbourhoodFilter) { neighbourhood(id: $id, depth: $depth, filter: $filter, limit: 2000) {
        truncated nodes { id label name } edges { id type source target } } }`;
      // the projection's topology serves (edge properties are then read by their own query, which the spy sees)
      enableProjection(api.store); // the embedded store has it already; on Neo4j the test opts in
      expect((await projectionReady(api.store))?.explore).toBeTruthy();
      const read: { name: string; withProperties: unknown }[] = [];
      const run = api.store.run.bind(api.store);
      api.store.run = ((name: string, params?: Record<string, unknown>) => {
        if (name.startsWith('read/explore/')) read.push({ name, withProperties: params?.withProperties });
        return run(name as never, params as never);
      }) as typeof api.store.run;
      try {
        for (const [id, filter] of [
          ['seg:alloy-casting', null],
          ['chain:nev-parts', { local: true }],
        ] as const) {
          const full = (await api.gql(NEIGHBOURHOOD, { id, depth: 2, limit: 2000, filter })).data.neighbourhood;
          read.length = 0;
          const lean = (await api.gql(LEAN, { id, depth: 2, filter })).data.neighbourhood;
          expect(lean.nodes).toEqual(full.nodes.map(({ id, label, name }: any) => ({ id, label, name })));
          expect(lean.edges).toEqual(full.edges.map(({ id, type, source, target }: any) => ({ id, type, source, target })));
          expect(lean.nodes.length).toBeGreaterThan(20);
          // without a filter the projection's topology has every id, label and name: the store is asked nothing
          // (with the local filter, the filter's own reads need the properties, and read every node shown)
          if (!filter) expect(read).toEqual([]);
          else expect(read.filter((r) => r.name.startsWith('read/explore/nodes')).every((r) => r.withProperties === true)).toBe(true);
          expect(read.some((r) => r.name === 'read/explore/edges-by-label')).toBe(false);
        }
        // properties of nodes only (what a graph that styles nodes by their properties needs): edges' are not read
        read.length = 0;
        const nodesOnly = (
          await api.gql(`query ($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 2000) { nodes { id properties } edges { id } } }`, {
            id: 'seg:alloy-casting',
          })
        ).data.neighbourhood;
        expect(nodesOnly.nodes.find((n: any) => n.id === 'seg:alloy-casting').properties).toHaveProperty('name');
        expect(read.some((r) => r.name === 'read/explore/edges-by-label')).toBe(false);
        // the UI's own query: nodes with their properties (it styles and shows nodes by them), edges by their type only
        read.length = 0;
        const ui = (await api.gql(NeighbourhoodDocument.toString(), { id: 'seg:alloy-casting', depth: 2, limit: 2000 })).data.neighbourhood;
        expect(ui.nodes.find((n: any) => n.id === 'seg:alloy-casting').properties).toHaveProperty('name');
        expect(ui.edges.length).toBeGreaterThan(20);
        expect(read.some((r) => r.name === 'read/explore/edges-by-label')).toBe(false);
        read.length = 0;
        await api.gql(NEIGHBOURHOOD, { id: 'seg:alloy-casting', depth: 2, limit: 2000 });
        expect(read.some((r) => r.name === 'read/explore/edges-by-label')).toBe(true);
      } finally {
        api.store.run = run;
      }
      // asked for through a fragment on edges only: read
      const viaFragment = await api.gql(
        `query ($id: ID!) { neighbourhood(id: $id, depth: 1) { nodes { id } edges { ...E } } } fragment E on GraphEdge { id properties }`,
        { id: 'ent:s0001' },
      );
      expect(viaFragment.data.neighbourhood.edges).toContainEqual({
        id: 'OPERATES_IN:ent:s0001->seg:light-alloy-material',
        properties: expect.objectContaining({ role: 'leader' }),
      });
    });

    it('many at once: two walk at a time, the others wait their turn, and all are answered', async () => {
      let most = 0;
      const watch = setInterval(() => (most = Math.max(most, runningIn(api.store, 'explore'))), 1);
      // Each read answered after 5 ms, as a store over the network would: with the projection a walk's only wait is the
      // shown nodes' properties, which the seed graph's engine answers within the turn, so no two walks would overlap.
      const run = api.store.run.bind(api.store);
      api.store.run = (async (name: string, params?: Record<string, unknown>) => {
        const rows = await run(name as never, params as never);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return rows;
      }) as typeof api.store.run;
      try {
        const centres = ['seg:alloy-casting', 'chain:nev-parts', 'ent:s0001', 'area:chaohu', 'seg:bms', 'chain:light-alloy'];
        const answers = await Promise.all(
          Array.from({ length: 16 }, (_, i) => api.gql(NEIGHBOURHOOD, { id: centres[i % centres.length], depth: 2, limit: 2000 })),
        );
        for (const res of answers) expect(res.errors).toBeUndefined();
        expect(answers.map((r) => r.data.neighbourhood.nodes.length).every((n: number) => n > 1)).toBe(true);
      } finally {
        clearInterval(watch);
        api.store.run = run;
      }
      expect(most).toBe(LANES.explore.concurrency);
      expect(runningIn(api.store, 'explore')).toBe(0);
    });

    it('depth 2 contains depth 1; depth outside 1–3 is refused naming depth', async () => {
      const one = (await api.gql(NEIGHBOURHOOD, { id: 'seg:alloy-casting', depth: 1 })).data.neighbourhood;
      const two = (await api.gql(NEIGHBOURHOOD, { id: 'seg:alloy-casting', depth: 2 })).data.neighbourhood;
      const twoIds = new Set(two.nodes.map((x: any) => x.id));
      for (const x of one.nodes) expect(twoIds.has(x.id)).toBe(true);
      expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
      for (const depth of [0, 4]) {
        const bad = await api.gql(NEIGHBOURHOOD, { id: 'seg:alloy-casting', depth });
        expect(bad.errors?.[0]).toMatchObject({ message: `depth: must be 1, 2 or 3, got ${depth}`, extensions: { code: 'BAD_USER_INPUT', field: 'depth' } });
      }
    });

    it('filters by label, tags, local and area, walking through filtered-out nodes', async () => {
      const byLabel = (await api.gql(NEIGHBOURHOOD, { id: 'chain:light-alloy', depth: 2, filter: { labels: ['Enterprise'] } })).data.neighbourhood;
      expect(byLabel.nodes.length).toBeGreaterThan(3);
      expect(new Set(byLabel.nodes.slice(1).map((x: any) => x.label))).toEqual(new Set(['Enterprise']));

      const tagged = (await api.gql(NEIGHBOURHOOD, { id: 'area:chaohu', depth: 2, filter: { labels: ['Enterprise'], tags: ['小巨人'] } })).data.neighbourhood;
      expect(tagged.nodes.length).toBeGreaterThan(1);
      for (const x of tagged.nodes.slice(1)) expect(x.properties.tags).toContain('小巨人');

      const external = (await api.gql(NEIGHBOURHOOD, { id: 'ent:s0001', depth: 1, filter: { labels: ['Enterprise'], local: false } })).data.neighbourhood;
      expect(external.nodes.length).toBeGreaterThan(1);
      for (const x of external.nodes.slice(1)) expect(x.properties.local).toBe(false);

      const inAnchao = (await api.gql(NEIGHBOURHOOD, { id: 'ent:s0001', depth: 1, filter: { labels: ['Enterprise'], areaId: 'area:anchao' } })).data
        .neighbourhood;
      expect(inAnchao.nodes.length).toBeGreaterThan(1);
      for (const x of inAnchao.nodes.slice(1)) expect(x.properties.areaId).toBe('area:anchao');

      const bad = await api.gql(NEIGHBOURHOOD, { id: 'ent:s0001', filter: { labels: ['Enterprise', 'Secret'] } });
      expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.labels' } });
      expect(bad.errors?.[0].message).toContain("'Secret'");
    });

    it('caps the elements at limit and says truncated; refuses limits over 2000', async () => {
      const full = (await api.gql(NEIGHBOURHOOD, { id: 'chain:nev-parts', depth: 3, limit: 2000 })).data.neighbourhood;
      expect(full.nodes.length + full.edges.length).toBeGreaterThan(25);
      const capped = (await api.gql(NEIGHBOURHOOD, { id: 'chain:nev-parts', depth: 3, limit: 25 })).data.neighbourhood;
      expect(capped.truncated).toBe(true);
      expect(capped.nodes.length + capped.edges.length).toBeLessThanOrEqual(25);
      expect(capped.nodes[0].id).toBe('chain:nev-parts');
      const kept = new Set(capped.nodes.map((x: any) => x.id));
      for (const e of capped.edges) expect(kept.has(e.source) && kept.has(e.target)).toBe(true);
      const tooMany = await api.gql(NEIGHBOURHOOD, { id: 'chain:nev-parts', limit: 2001 });
      expect(tooMany.errors?.[0]).toMatchObject({ extensions: { field: 'limit' } });
    });

    it('NOT_FOUND names an unknown id', async () => {
      const res = await api.gql(NEIGHBOURHOOD, { id: 'ent:nope' });
      expect(res.errors?.[0]).toMatchObject({ message: "node 'ent:nope' not found", extensions: { code: 'NOT_FOUND' } });
    });
  });

  describe('shortestPath', () => {
    it('returns a connected path from one node to the other of at most 6 steps', async () => {
      const res = await api.gql(PATH, { fromId: 'ent:s0001', toId: 'unit:qu-touchu' });
      expect(res.errors).toBeUndefined();
      const { nodes, edges } = res.data.shortestPath;
      expect(nodes[0].id).toBe('ent:s0001');
      expect(nodes[nodes.length - 1].id).toBe('unit:qu-touchu');
      expect(edges).toHaveLength(nodes.length - 1);
      expect(edges.length).toBeLessThanOrEqual(6);
      edges.forEach((e: any, i: number) => {
        expect(new Set([e.source, e.target])).toEqual(new Set([nodes[i].id, nodes[i + 1].id]));
        expect(e.id).toBe(`${e.type}:${e.source}->${e.target}`);
      });
    });

    it('a direct neighbour is one step away; a node to itself is zero steps', async () => {
      const one = (await api.gql(PATH, { fromId: 'seg:alloy-casting', toId: 'chain:light-alloy' })).data.shortestPath;
      expect(one.edges).toEqual([
        { id: 'HAS_SEGMENT:chain:light-alloy->seg:alloy-casting', type: 'HAS_SEGMENT', source: 'chain:light-alloy', target: 'seg:alloy-casting' },
      ]);
      const zero = (await api.gql(PATH, { fromId: 'chain:light-alloy', toId: 'chain:light-alloy' })).data.shortestPath;
      expect(zero).toEqual({ nodes: [{ id: 'chain:light-alloy', label: 'Chain', name: '高性能轻合金' }], edges: [] });
    });

    it('NOT_FOUND names the unknown id', async () => {
      const res = await api.gql(PATH, { fromId: 'ent:s0001', toId: 'unit:nope' });
      expect(res.errors?.[0]).toMatchObject({ message: "node 'unit:nope' not found", extensions: { code: 'NOT_FOUND' } });
    });
  });
});
