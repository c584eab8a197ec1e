import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gapAnalysis } from '../../server/services/gaps/gap-analysis.ts';
import { cypherGapFacts } from '../../server/services/gaps/gap-facts-source.ts';
import { buildAnalyticGraph } from '../../server/services/projection/build-analytic-graph.ts';
import { LOCAL_TRUE } from '../../server/services/projection/analytic-graph.ts';
import { enableProjection } from '../../server/services/projection/projection-lifecycle.ts';
import { analyticsSource, projectionReady, readAnalyticsSource } from '../../server/services/projection/projection-registry.ts';
import { cypherCandidateFacts } from '../../server/services/suppliers/candidate-facts-source.ts';
import { rankCandidates } from '../../server/services/suppliers/rank-candidates.ts';
import { DEFAULT_WEIGHTS } from '../../server/services/suppliers/weights.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';

const AREAS = [null, 'area:chaohu', 'area:anchao'];

/**
 * The in-memory projection (server/services/projection) answers gap analysis and
 * the supplier ranking exactly as the store's queries do: every chain and every
 * segment of the seed graph, each local area and both, before and after writes.
 */
describe('analytics projection: the same answers as the store queries', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(loadSeeds);
    enableProjection(api.store); // the embedded store has it already; on Neo4j the test opts in
  });
  afterAll(() => api?.close());

  async function expectSameAnswers() {
    const { store } = api;
    const projected = await readAnalyticsSource(store);
    expect(projected.graph.generation).toBe(store.writeGeneration());
    const cypher = { gaps: cypherGapFacts(store), candidates: cypherCandidateFacts(store) };
    const chainIds = [...projected.graph.segments.ofChain.keys()].sort();
    expect(chainIds.length).toBeGreaterThan(3);
    let gaps = 0;
    for (const chainId of [null, ...chainIds]) {
      for (const areaId of AREAS) {
        const mine = await gapAnalysis(store, { chainId, areaId }, projected.gapFacts);
        const theirs = await gapAnalysis(store, { chainId, areaId }, cypher.gaps);
        expect(mine, `gapAnalysis ${chainId} ${areaId}`).toEqual(theirs);
        gaps += mine.gaps.length;
      }
    }
    expect(gaps).toBeGreaterThan(20);
    let candidates = 0;
    let peerBuyers = 0;
    const E = projected.graph.enterprises;
    const localIds = E.ids.filter((_, x) => E.local[x] === LOCAL_TRUE);
    for (const segmentId of projected.graph.segments.ids) {
      for (const areaId of AREAS) {
        const mine = await rankCandidates(store, [segmentId], areaId, DEFAULT_WEIGHTS, projected.candidateFacts);
        const theirs = await rankCandidates(store, [segmentId], areaId, DEFAULT_WEIGHTS, cypher.candidates);
        expect(mine, `candidates ${segmentId} ${areaId}`).toEqual(theirs);
        candidates += mine.ranked.length;
        // a page's buyers like the local ones: the candidates, a local enterprise and an unknown id (neither listed)
        const ids = [...mine.ranked.map((c) => c.facts.id), ...localIds.slice(0, 1), 'ent:none'];
        const peers = async (source: typeof cypher.candidates) =>
          (await source.peerEvidence(ids, mine.demandSegments))
            .map((r) => ({ id: r.id, peerBuyers: r.peerBuyers.map((p) => `${p.buyerId} ${p.segmentId} ${p.near}`).sort() }))
            .sort((a, b) => (a.id < b.id ? -1 : 1));
        const projectedPeers = await peers(projected.candidateFacts);
        expect(projectedPeers, `peer evidence ${segmentId} ${areaId}`).toEqual(await peers(cypher.candidates));
        peerBuyers += projectedPeers.reduce((n, r) => n + r.peerBuyers.length, 0);
      }
    }
    expect(candidates).toBeGreaterThan(100);
    expect(peerBuyers).toBeGreaterThan(100);
  }

  it('on the seed graph', async () => {
    await expectSameAnswers();
  }, 180_000);

  it('read in pages (as tier L is), the same graph as read at once', async () => {
    const whole = await buildAnalyticGraph(api.store, { page: 1_000_000 });
    const paged = await buildAnalyticGraph(api.store, { page: 7 });
    expect(whole.enterprises.ids.length).toBeGreaterThan(7 * 20);
    expect(whole.enterprises.outTo.length).toBeGreaterThan(500);
    expect({ ...paged, stats: null }).toEqual({ ...whole, stats: null });
  });

  it('after writes: a gap status (no rebuild), then a new local enterprise in a 补链 segment, a new external supplier, a supply and a changed output', async () => {
    const { store } = api;
    const ready = await projectionReady(store);
    expect(ready?.graph.generation).toBe(store.writeGeneration());
    expect(analyticsSource(store)).toBe(ready);
    // a write outside the analytic subgraph (a saved gap's status, its audit entry) keeps it current
    const status = await api.gql(`mutation { setGapStatus(id: "gap:plan-bms:chaohu", status: IN_PROGRESS) { id } }`);
    expect(status.errors).toBeUndefined();
    expect(analyticsSource(store)).toBe(ready);

    const local = await api.gql(
      `mutation { createEnterprise(input: { name: "巢湖测试电池管理", areaId: "area:chaohu", output: 1200, tags: ["链主"] }) { id } }`,
    );
    expect(local.errors).toBeUndefined();
    const localId = local.data.createEnterprise.id;
    // the projection read before the write is not used any more
    expect(analyticsSource(store)).toBeNull();
    const external = await api.gql(
      `mutation { createEnterprise(input: { name: "上海测试控制器", areaId: "area:shanghai", output: 50000, tags: ["专精特新"] }) { id } }`,
    );
    expect(external.errors).toBeUndefined();
    const externalId = external.data.createEnterprise.id;
    for (const [id, segmentId, role] of [
      [localId, 'seg:bms', 'core'],
      [externalId, 'seg:bms', 'leader'],
    ]) {
      const r = await api.gql(`mutation ($id: ID!, $s: ID!, $role: String!) { setOperatesIn(enterpriseId: $id, segmentId: $s, role: $role) { id } }`, {
        id,
        s: segmentId,
        role,
      });
      expect(r.errors).toBeUndefined();
    }
    const supply = await api.gql(`mutation ($a: ID!, $b: ID!) { addSupplies(fromId: $a, toId: $b, product: "BMS", share: 0.4) { id } }`, {
      a: externalId,
      b: localId,
    });
    expect(supply.errors).toBeUndefined();
    const update = await api.gql(`mutation ($id: ID!) { updateEnterprise(id: $id, input: { output: 30000 }) { id } }`, { id: localId });
    expect(update.errors).toBeUndefined();

    await expectSameAnswers();
    const rebuilt = await projectionReady(store);
    expect(rebuilt?.graph.generation).toBe(store.writeGeneration());
    const e = rebuilt!.graph.enterprises;
    expect(e.output[e.index.get(localId)!]).toBe(30000);
  }, 180_000);
});
