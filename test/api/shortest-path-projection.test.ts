import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATH_RELATIONSHIP_TYPES, shortestPath } from '../../server/services/explore/shortest-path.ts';
import { SyntheticGraph, enterpriseId } from '../../server/services/generate/generate.ts';
import { loadGenerated, loadSkeleton } from '../../server/services/generate/load.ts';
import { enableProjection } from '../../server/services/projection/projection-lifecycle.ts';
import { readAnalyticsSource } from '../../server/services/projection/projection-registry.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import type { Store } from '../../server/store/store.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';

/** The topology's path equals the store query's, node for node and edge for edge (with properties), for every pair given. */
async function expectSamePaths(store: Store, pairs: [string, string][]): Promise<number> {
  const { explore } = await readAnalyticsSource(store);
  expect(explore).not.toBeNull();
  let steps = 0;
  for (const [a, b] of pairs) {
    const theirs = await shortestPath(store, a, b, null);
    const mine = await shortestPath(store, a, b, explore);
    expect(mine, `${a} → ${b}`).toEqual(theirs);
    steps += theirs.edges.length;
  }
  return steps;
}

describe('shortestPath from the projection: the same path as the store query', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(loadSeeds);
    enableProjection(api.store); // the embedded store has it already; on Neo4j the test opts in
  });
  afterAll(() => api?.close());

  it('walks the relationship types the query lists, and no other', () => {
    const query = readFileSync(new URL('../../cypher/read/explore/shortest-path.cypher', import.meta.url), 'utf8');
    expect(/\[:([A-Z_|]+)\*\.\.6\]/.exec(query)?.[1]?.split('|')).toEqual([...PATH_RELATIONSHIP_TYPES]);
  });

  it('on the seed graph: enterprises, segments, chains, units, areas and gaps, in both directions', async () => {
    const ids = [
      'ent:s0001',
      'ent:s0153',
      'ent:s0219',
      'ent:s0002',
      'seg:bms',
      'seg:alloy-casting',
      'chain:light-alloy',
      'chain:nev-parts',
      'unit:qu-touchu',
      'area:chaohu',
    ];
    const pairs = ids.flatMap((a) => ids.filter((b) => b !== a).map((b): [string, string] => [a, b]));
    expect(await expectSamePaths(api.store, pairs)).toBeGreaterThan(150);
  }, 120_000);

  it('on a generated graph (seed + 1,500 enterprises), many pairs', async () => {
    const graph = new SyntheticGraph({ enterprises: 1500, supplies: 6000, seed: 5 });
    const generated = await createTestApi(async (store) => {
      await loadSkeleton(store, graph.skeleton);
      await loadGenerated(store, graph);
    });
    try {
      enableProjection(generated.store);
      const pairs = Array.from({ length: 40 }, (_, k): [string, string] => [enterpriseId((k * 37) % 1500), enterpriseId((k * 101 + 11) % 1500)]);
      pairs.push([enterpriseId(3), 'seg:bms'], ['seg:bms', enterpriseId(1499)]);
      expect(await expectSamePaths(generated.store, pairs)).toBeGreaterThan(60);
    } finally {
      await generated.close();
    }
  }, 180_000);
});
