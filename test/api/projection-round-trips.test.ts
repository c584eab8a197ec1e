import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neighbourhood } from '../../server/services/explore/neighbourhood.ts';
import { gapAnalysis } from '../../server/services/gaps/gap-analysis.ts';
import { enableProjection } from '../../server/services/projection/projection-lifecycle.ts';
import { projectionReady } from '../../server/services/projection/projection-registry.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { fittedWeightsReady } from '../../server/services/suppliers/fitted-weights.ts';
import { rankSupplierCandidates } from '../../server/services/suppliers/rank-supplier-candidates.ts';
import type { Store } from '../../server/store/store.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';

interface Sent {
  name: string;
  /** Queries of the same operation still unanswered when this one was sent. */
  beside: string[];
  rows: Record<string, unknown>[];
}

/** Records every store query `work` sends, and which were in flight beside it (on Neo4j each is a round trip). */
async function queriesOf(store: Store, work: () => Promise<unknown>): Promise<Sent[]> {
  const sent: Sent[] = [];
  const open = new Set<string>();
  const run = store.run.bind(store);
  store.run = (async (name: string, params?: Record<string, unknown>) => {
    const entry: Sent = { name, beside: [...open], rows: [] };
    sent.push(entry);
    open.add(name);
    try {
      entry.rows = await run(name as never, params as never);
      return entry.rows;
    } finally {
      open.delete(name);
    }
  }) as Store['run'];
  try {
    await work();
  } finally {
    store.run = run;
  }
  return sent;
}

/**
 * While the projection is current, what a page of supplier candidates and a
 * neighbourhood still ask the store (Neo4j at tier M: each query a round trip,
 * and the page's buyers like the local ones were most of its rows).
 */
describe('store queries of a candidate page and a neighbourhood, the projection current', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(loadSeeds);
    enableProjection(api.store);
    expect(await projectionReady(api.store)).not.toBeNull();
    // the weight fit reads in the background after the projection: done before anything is counted
    await fittedWeightsReady(api.store);
  });
  afterAll(() => api?.close());

  it('a page: the saved gap and the segment read side by side, then the evidence without the buyers like the local ones', async () => {
    const { store } = api;
    const gap = (await gapAnalysis(store, {})).gaps.find((g) => g.kind === 'fill');
    expect(gap).toBeDefined();
    const args = { gapId: gap!.id, first: 50 };
    // the ranking is cached per data version: what is left is the page's own reads
    const page = await rankSupplierCandidates(store, args);
    expect(page.candidates.length).toBeGreaterThan(0);
    const sent = await queriesOf(store, () => rankSupplierCandidates(store, args));
    expect(sent.map((s) => s.name).sort()).toEqual(['read/gaps/lookup-ids', 'read/gaps/saved-gaps', 'read/suppliers/candidate-evidence']);
    const lookup = sent.find((s) => s.name === 'read/gaps/lookup-ids')!;
    const saved = sent.find((s) => s.name === 'read/gaps/saved-gaps')!;
    expect(lookup.beside.includes(saved.name) || saved.beside.includes(lookup.name)).toBe(true);
    const evidence = sent.find((s) => s.name === 'read/suppliers/candidate-evidence')!;
    expect(evidence.rows.length).toBeGreaterThan(0);
    for (const row of evidence.rows) expect(row).not.toHaveProperty('peerBuyers');
  });

  it("a segment's neighbourhood with the nodes' properties: one read of them, the centre's among them", async () => {
    const { store } = api;
    const sent = await queriesOf(store, () => neighbourhood(store, 'seg:auto-parts', { depth: 2, limit: 2000, properties: { nodes: true, edges: false } }));
    expect(sent.map((s) => s.name)).toEqual(['read/explore/nodes-by-label']);
    expect(sent[0]!.rows.map((r) => r.id)).toContain('seg:auto-parts');
  });
});
