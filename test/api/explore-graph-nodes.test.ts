import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyntheticGraph } from '../../server/services/generate/generate.ts';
import { loadGenerated } from '../../server/services/generate/load.ts';
import { buildAnalyticGraph } from '../../server/services/projection/build-analytic-graph.ts';
import { buildExploreGraph } from '../../server/services/projection/explore-graph.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import type { Store } from '../../server/store/store.ts';
import { runRawCypher } from '../support/test-store.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';

const EXPLORABLE = 'n:Area OR n:Park OR n:Chain OR n:Segment OR n:Enterprise OR n:Unit OR n:Action OR n:Task OR n:Gap OR n:Target OR n:Progress';

/**
 * The explore topology's node table (issue 17, tier L memory): the enterprises
 * come from the analytic graph and only the other nodes are read, so no query
 * gives a row per enterprise (at tier L one query gave 1M rows at once); the
 * nodes are still numbered in the engine's id order, and the cases the store's
 * queries must answer are still found.
 */
describe('the explore topology’s nodes', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(async (store) => {
      await loadSeeds(store);
      await loadGenerated(store, new SyntheticGraph({ enterprises: 1500, supplies: 1500, seed: 11 }));
    });
  }, 240_000);
  afterAll(() => api?.close());

  const build = async (store: Store, page = 200) => buildExploreGraph(store, await buildAnalyticGraph(store, { page }), { page });

  it('no query gives more rows than a page of enterprises holds; nodes numbered as the engine orders every explorable node by id', async () => {
    const { store } = api;
    const graph = await buildAnalyticGraph(store, { page: 200 });
    const rowsPerQuery: Record<string, number> = {};
    const run = store.run.bind(store);
    const counting = Object.create(store) as Store;
    counting.run = (async (name: string, params?: Record<string, unknown>) => {
      const rows = await run(name as never, params as never);
      rowsPerQuery[name] = Math.max(rowsPerQuery[name] ?? 0, rows.length);
      return rows;
    }) as Store['run'];
    const topology = await buildExploreGraph(counting, graph, { page: 200 });
    expect(topology).not.toBeNull();
    const enterprises = graph.enterprises.ids.length;
    expect(enterprises).toBeGreaterThan(1500);
    expect(Math.max(...Object.values(rowsPerQuery)), JSON.stringify(rowsPerQuery)).toBeLessThan(enterprises / 2);
    const all = await runRawCypher(store, `MATCH (n) WHERE ${EXPLORABLE} RETURN n.id AS id ORDER BY id`);
    expect(topology!.ids).toEqual(all.map((r) => r.id));
    expect(topology!.ids.filter((_, i) => topology!.label[i] === topology!.label[topology!.index.get(graph.enterprises.ids[0]!)!]).length).toBe(enterprises);
  }, 120_000);

  it('an enterprise with a second explorable label, or an id two nodes share: no topology (the store’s queries answer)', async () => {
    const { store } = api;
    const [first] = await runRawCypher(store, 'MATCH (e:Enterprise) RETURN e.id AS id ORDER BY id LIMIT 1');
    const id = first!.id as string;
    await runRawCypher(store, `MATCH (e:Enterprise {id: '${id}'}) SET e:Park`);
    expect(await build(store)).toBeNull();
    await runRawCypher(store, `MATCH (e:Enterprise {id: '${id}'}) REMOVE e:Park`);
    expect(await build(store)).not.toBeNull();
    await runRawCypher(store, `CREATE (:Park {id: '${id}', name: '同号园区'})`);
    expect(await build(store)).toBeNull();
    await runRawCypher(store, `MATCH (p:Park {id: '${id}'}) DETACH DELETE p`);
    expect(await build(store)).not.toBeNull();
  }, 120_000);
});
