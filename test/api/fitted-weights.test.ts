import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { Rng } from '../../server/services/generate/random.ts';
import { projectedCandidateFacts } from '../../server/services/projection/projected-candidate-facts.ts';
import { projectionReady } from '../../server/services/projection/projection-registry.ts';
import {
  candidateWeightsNow,
  fitQuestion,
  fittedWeightsReady,
  MIN_LINKS,
  questionsMrr,
  searchWeights,
  type FitQuestion,
} from '../../server/services/suppliers/fitted-weights.ts';
import type { ComponentValues } from '../../server/services/suppliers/score.ts';
import { hiddenSupplies, ownLinks } from '../../server/services/suppliers/own-links.ts';
import { COMPONENT_ORDER, DEFAULT_WEIGHTS } from '../../server/services/suppliers/weights.ts';
import { rankCandidates } from '../../server/services/suppliers/rank-candidates.ts';
import type { CandidateFactsSource } from '../../server/services/suppliers/candidate-facts-source.ts';
import { TimeSlices } from '../../server/services/projection/time-slices.ts';
import { fixtureApi, type Api } from './gaps-fixture.ts';
import { TEST_STORE } from '../support/test-store.ts';
import { turnsDuring } from '../support/turns.ts';
import { enableProjection } from '../../server/services/projection/projection-lifecycle.ts';

const PAGE = `{ supplierCandidates(segmentId: "seg:3d-printing", areaId: "area:chaohu", first: 3) {
  weights { segmentFit suppliesLocal suppliesPeers customers scale region qualifications leaderElsewhere }
  rankingWeights { weights { segmentFit suppliesLocal suppliesPeers customers scale region qualifications leaderElsewhere } fitted links questions mrrDefault mrrFitted current reason }
  candidates { enterpriseId score components { name weight } }
} }`;

/** A question whose candidates differ in one component only: the true supplier has it, the others lead on segment fit. */
function question(component: number, candidates = 5): Promise<FitQuestion> {
  const row = (i: number) => Object.fromEntries(COMPONENT_ORDER.map((k, j) => [k, i === 0 ? (j === component ? 1 : 0) : j === 0 ? 1 : 0])) as ComponentValues;
  return fitQuestion(
    Array.from({ length: candidates }, (_, i) => row(i)),
    0,
    () => false,
  );
}

describe('the ranking weights, fitted on the store’s own links', () => {
  it('questionsMrr ranks as the product does; the coordinate search moves a weight only where the links say so', async () => {
    const local = COMPONENT_ORDER.indexOf('suppliesLocal');
    const qs = await Promise.all(Array.from({ length: 10 }, () => question(local)));
    const base = COMPONENT_ORDER.map((k) => DEFAULT_WEIGHTS[k]);
    // segmentFit 35 > suppliesLocal 23: the truth is 5th of 5
    expect(questionsMrr(qs, base)).toBeCloseTo(1 / 5);
    const fit = await searchWeights(qs);
    expect(fit.mrrDefault).toBeCloseTo(1 / 5);
    expect(fit.mrrFitted).toBe(1);
    expect(fit.weights.suppliesLocal / fit.weights.segmentFit).toBeGreaterThan(1);
    // questions that no weight can improve leave the defaults as they are
    const none = Array.from({ length: 10 }, () => ({ values: new Float64Array(5 * COMPONENT_ORDER.length), beforeOnTie: Uint8Array.of(0, 1, 1, 1, 1) }));
    expect((await searchWeights(none)).weights).toEqual(DEFAULT_WEIGHTS);
  });

  it('a question keeps only the candidates that can outrank the truth: ranks are those of the whole list, for any weights ≥ 0', async () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 200; trial++) {
      // few distinct values, so ties and dominated candidates are common
      const rows = Array.from({ length: 30 }, () => Object.fromEntries(COMPONENT_ORDER.map((k) => [k, rng.int(3) / 2])) as ComponentValues);
      const before = Array.from({ length: 30 }, () => rng.int(2) === 1);
      const w = COMPONENT_ORDER.map(() => (rng.int(3) === 0 ? 0 : rng.int(40)));
      if (w.every((x) => x === 0)) continue;
      const score = (v: ComponentValues) => COMPONENT_ORDER.reduce((n, k, j) => n + v[k] * w[j]!, 0);
      const truth = rng.int(30);
      const rank = 1 + rows.filter((v, i) => i !== truth && (score(v) > score(rows[truth]!) || (score(v) === score(rows[truth]!) && before[i]))).length;
      const q = await fitQuestion(rows, truth, (i) => before[i]!);
      expect(q.beforeOnTie.length).toBeLessThanOrEqual(30);
      expect(questionsMrr([q], w)).toBeCloseTo(1 / rank, 12);
    }
  });

  describe('on the seed graph (87 links from external suppliers to local enterprises)', () => {
    let api: Api;
    beforeAll(async () => {
      api = await fixtureApi(async (store) => {
        await loadSeeds(store);
      });
      enableProjection(api.store); // the embedded store has it already; on Neo4j the test opts in (the fit reads the projection)
    });
    afterAll(() => api.close());

    it('a page answered before the fit ends says so; once fitted, the answer (not the cached one) ranks with the fitted weights', async () => {
      const before = await api.gql(PAGE);
      expect(before.errors).toBeUndefined();
      const early = before.data.supplierCandidates.rankingWeights;
      // never waits for the fit: the defaults, marked not current, until it is done
      expect(early).toMatchObject({ fitted: false, current: false, links: null, weights: DEFAULT_WEIGHTS });
      expect(before.data.supplierCandidates.weights).toEqual(DEFAULT_WEIGHTS);

      const fitted = await fittedWeightsReady(api.store);
      expect(fitted).toMatchObject({ fitted: true, current: true, links: 87, questions: 87, reason: null });
      expect(fitted.weights).not.toEqual(DEFAULT_WEIGHTS);
      expect(fitted.mrrFitted!).toBeGreaterThan(fitted.mrrDefault!);

      const after = await api.gql(PAGE);
      const page = after.data.supplierCandidates;
      expect(page.rankingWeights).toMatchObject({ fitted: true, current: true, links: 87, questions: 87, weights: fitted.weights });
      expect(page.weights).toEqual(fitted.weights);
      for (const c of page.candidates) expect(Object.fromEntries(c.components.map((x: any) => [x.name, x.weight]))).toEqual(fitted.weights);
      // the request's own weights still override the fitted ones, component by component
      const own = await api.gql(
        `{ supplierCandidates(segmentId: "seg:3d-printing", areaId: "area:chaohu", weights: { region: 50 }) { weights { region segmentFit } } }`,
      );
      expect(own.data.supplierCandidates.weights).toEqual({ region: 50, segmentFit: fitted.weights.segmentFit });
    });

    it('a fold’s links never count as evidence for themselves: the graph the fit ranks on lacks them', async () => {
      const { graph } = (await projectionReady(api.store))!;
      const links = await ownLinks(graph);
      const fromStore = await api.store.run<{ fromId: string; toId: string }>('read/eval/outside-local-supplies', {});
      expect(links.length).toBe(new Set(fromStore.map((l) => `${l.fromId}>${l.toId}`)).size);
      const link = links.find((l) => l.areaId === 'area:chaohu')!;
      const hidden = await hiddenSupplies(graph, [link]);
      const localBuyers = async (mask?: Uint8Array) =>
        (await projectedCandidateFacts(graph, { hidden: mask }).localBuyers([link.segmentId], ['area:chaohu'])).find((r) => r.id === link.fromId)
          ?.localBuyers ?? 0;
      const customers = async (mask?: Uint8Array) =>
        (await projectedCandidateFacts(graph, { hidden: mask }).candidates([link.segmentId])).find((r) => r.id === link.fromId)!.customers;
      expect(await localBuyers(hidden)).toBe((await localBuyers()) - 1);
      expect(await customers(hidden)).toBe((await customers()) - 1);
      // the mask hides that pair's SUPPLIES (each product) and nothing else; the projection's arrays are not changed
      const E = graph.enterprises;
      const [x, b] = [E.index.get(link.fromId)!, E.index.get(link.toId)!];
      const products = E.outTo.subarray(E.outStart[x]!, E.outStart[x + 1]!).filter((to) => to === b).length;
      expect(hidden.reduce((n, h) => n + h, 0)).toBe(products);
      expect(await ownLinks(graph)).toEqual(links);
    });

    it('a ranking in the background lets requests in between its reads and within them, and ranks exactly as in one go', async () => {
      const { graph } = (await projectionReady(api.store))!;
      const link = (await ownLinks(graph)).find((l) => l.areaId === 'area:chaohu')!;
      const hidden = await hiddenSupplies(graph, [link]);
      const rank = (slices?: TimeSlices) =>
        rankCandidates(api.store, [link.segmentId], link.areaId, DEFAULT_WEIGHTS, projectedCandidateFacts(graph, { hidden, slices }));
      const inOneGo = await rank();
      // slices of 0 ms: every check lets the event loop turn
      const { turns: during, result: sliced } = await turnsDuring(() => rank(new TimeSlices(0)));
      // at least: after the segments' locals, the demand, each candidate's local buyers and peer buyers, before scoring
      expect(during).toBeGreaterThan(2 * inOneGo.ranked.length);
      expect(sliced.ranked).toEqual(inOneGo.ranked);
      expect(sliced.pool).toEqual(inOneGo.pool);
    });

    it('the local enterprises per segment are read once per graph and area scope (every question of every fold asks them)', async () => {
      const { graph } = (await projectionReady(api.store))!;
      const source = projectedCandidateFacts(graph);
      let reads = 0;
      // a key of its own: what earlier rankings on this graph kept is not used
      const key = {};
      const counted = (s: CandidateFactsSource) => ({ ...s, localsKey: key, segmentLocals: (areaIds: string[] | null) => (reads++, s.segmentLocals(areaIds)) });
      const links = (await ownLinks(graph)).slice(0, 20);
      const first = await rankCandidates(api.store, [links[0]!.segmentId], links[0]!.areaId, DEFAULT_WEIGHTS, counted(source));
      for (const l of links) await rankCandidates(api.store, [l.segmentId], l.areaId, DEFAULT_WEIGHTS, counted(source));
      const areas = new Set(links.map((l) => l.areaId)).size;
      expect(reads).toBe(areas);
      // a fold's source (SUPPLIES hidden) shares them: they do not depend on the SUPPLIES
      const fold = projectedCandidateFacts(graph, { hidden: await hiddenSupplies(graph, links.slice(0, 5)) });
      for (const l of links) await rankCandidates(api.store, [l.segmentId], l.areaId, DEFAULT_WEIGHTS, counted(fold));
      expect(reads).toBe(areas);
      expect(fold.localsKey).toBe(source.localsKey);
      // the same answer as a source that has not read them yet
      const fresh = await rankCandidates(api.store, [links[0]!.segmentId], links[0]!.areaId, DEFAULT_WEIGHTS, { ...source, localsKey: {} });
      expect(fresh.ranked).toEqual(first.ranked);
      expect(fresh.locals).toEqual(first.locals);
    });

    it('a write: the earlier fit serves (not current) without waiting, and the next one counts the new link', async () => {
      const first = await fittedWeightsReady(api.store);
      const { graph } = (await projectionReady(api.store))!;
      const own = await ownLinks(graph);
      const known = new Set(own.map((l) => `${l.fromId}>${l.toId}`));
      const link = own[0]!;
      const buyer = own.find((l) => !known.has(`${link.fromId}>${l.toId}`))!.toId;
      await api.store.run('write/generate/supplies', { rows: [{ from: link.fromId, to: buyer, product: '测试', share: null, origin: 'sample' }] });
      const now = candidateWeightsNow(api.store);
      expect(now).toMatchObject({ fitted: true, current: false, links: 87, weights: first.weights });
      expect((await fittedWeightsReady(api.store)).links).toBe(88);
    });
  });

  it(`fewer than ${MIN_LINKS} links: the documented defaults, and the answer says why`, async () => {
    const api = await fixtureApi();
    try {
      const fit = await fittedWeightsReady(api.store);
      if (TEST_STORE === 'embedded') expect(fit).toMatchObject({ fitted: false, weights: DEFAULT_WEIGHTS, links: expect.any(Number) });
      else expect(fit).toMatchObject({ fitted: false, weights: DEFAULT_WEIGHTS, links: null, reason: expect.stringMatching(/ANALYTICS_PROJECTION/) });
      expect(fit.links ?? 0).toBeLessThan(MIN_LINKS);
      const res = await api.gql(
        `{ supplierCandidates(segmentId: "seg:b", areaId: "area:chaohu") { rankingWeights { fitted links reason } weights { segmentFit } } }`,
      );
      expect(res.data.supplierCandidates.rankingWeights).toMatchObject({ fitted: false, reason: expect.any(String) });
      expect(res.data.supplierCandidates.weights.segmentFit).toBe(DEFAULT_WEIGHTS.segmentFit);
    } finally {
      await api.close();
    }
  });
});
