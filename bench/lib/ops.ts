import { gapAnalysis } from '../../server/services/gaps/gap-analysis.ts';
import { neighbourhood } from '../../server/services/explore/neighbourhood.ts';
import { search } from '../../server/services/explore/search.ts';
import { shortestPath } from '../../server/services/explore/shortest-path.ts';
import { rankSupplierCandidates } from '../../server/services/suppliers/rank-supplier-candidates.ts';
import type { Store } from '../../server/store/store.ts';
import { measure, type OpResult } from './measure.ts';

/** What the operations run on: chosen once from the loaded data, the same for every run. */
export interface OpInputs {
  chainId: string;
  searchTexts: string[];
  /** Centres for the neighbourhood (depth 2, limit 2000). */
  hubEnterpriseId: string;
  segmentId: string;
  pathPairs: [string, string][];
}

/** Targets (ms, median) on the embedded store at tier M, from the brief of issue 7. */
export const TARGETS = { gapOne: 100, gapAll: 500, suppliers: 100, search: 20, neighbourhood: 50 } as const;

/** Every in-process operation, called through the services (not Cypher), as the GraphQL resolvers do. */
export async function runOperations(store: Store, inputs: OpInputs, log: (r: OpResult) => void): Promise<OpResult[]> {
  const results: OpResult[] = [];
  const add = (r: OpResult) => {
    results.push(r);
    log(r);
  };
  add(
    await measure('gapAnalysis one chain', async () => (await gapAnalysis(store, { chainId: inputs.chainId })).gaps.length, {
      targetMs: TARGETS.gapOne,
      note: inputs.chainId,
    }),
  );
  const all = await gapAnalysis(store, {}).catch(() => null);
  add(await measure('gapAnalysis all chains', async () => (await gapAnalysis(store, {})).gaps.length, { targetMs: TARGETS.gapAll, minRuns: 3 }));
  // The gap's id when the analysis answers; else the 补链 gap the seed plans at 航空航天 (same segment and scope).
  const gap = all?.gaps.find((g) => g.kind === 'fill') ?? all?.gaps[0];
  const gapId = gap?.id ?? 'gap:fill:seg:aerospace:all';
  add(
    await measure('supplierCandidates for a gap', async () => (await rankSupplierCandidates(store, { gapId, first: 50 })).totalCount, {
      targetMs: TARGETS.suppliers,
      note: gapId,
    }),
  );
  const texts = inputs.searchTexts;
  add(await measure('search', async (i) => (await search(store, texts[i % texts.length]!)).length, { targetMs: TARGETS.search, note: texts.join(' / ') }));
  add(
    await measure(
      'neighbourhood d2 ≤2000 (enterprise)',
      async () => {
        const r = await neighbourhood(store, inputs.hubEnterpriseId, { depth: 2, limit: 2000 });
        return r.nodes.length + r.edges.length;
      },
      { targetMs: TARGETS.neighbourhood, note: inputs.hubEnterpriseId },
    ),
  );
  add(
    await measure(
      'neighbourhood d2 ≤2000 (segment)',
      async () => {
        const r = await neighbourhood(store, inputs.segmentId, { depth: 2, limit: 2000 });
        return r.nodes.length + r.edges.length;
      },
      { targetMs: TARGETS.neighbourhood, note: inputs.segmentId },
    ),
  );
  const pairs = inputs.pathPairs;
  add(
    await measure('shortestPath', async (i) => (await shortestPath(store, ...pairs[i % pairs.length]!)).nodes.length, {
      note: `${pairs.length} enterprise pairs`,
      warmup: 1,
    }),
  );
  return results;
}
