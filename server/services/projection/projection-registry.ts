import type { Store } from '../../store/store.ts';
import type { GapFactsSource } from '../gaps/gap-facts-source.ts';
import type { CandidateFactsSource } from '../suppliers/candidate-facts-source.ts';
import type { AnalyticGraph } from './analytic-graph.ts';
import { changesAnalyticGraph } from './analytic-writes.ts';
import { buildAnalyticGraph } from './build-analytic-graph.ts';
import { projectionLifecycle } from './projection-lifecycle.ts';
import { projectedCandidateFacts } from './projected-candidate-facts.ts';
import { projectedGapFacts } from './projected-gap-facts.ts';

/** A current projection and the fact sources the services read from it. */
export interface AnalyticsSource {
  graph: AnalyticGraph;
  /** The store's data version (see projection-lifecycle.ts) the graph was read at. */
  version: number;
  gapFacts: GapFactsSource;
  candidateFacts: CandidateFactsSource;
}

const analytics = projectionLifecycle<AnalyticsSource>(changesAnalyticGraph, async (store, version) => {
  const graph = await buildAnalyticGraph(store);
  return { graph, version, gapFacts: projectedGapFacts(graph), candidateFacts: projectedCandidateFacts(graph) };
});

/**
 * Reads the projection out of the store now (not cached): what the registry
 * builds, and what tests compare with the store's own queries.
 */
export const readAnalyticsSource = (store: Store): Promise<AnalyticsSource> => analytics.readNow(store);

/**
 * The projection if it is current (no write that may change the analytic
 * subgraph committed since it was read), else null — and then a rebuild starts in the background while
 * the caller answers from the store's queries. Answers are the same either way.
 */
export const analyticsSource = (store: Store): AnalyticsSource | null => analytics.current(store);

/**
 * Waits until the projection is current (builds it if needed); null when it is
 * off for this store or writes kept coming during `attempts` builds. For the
 * server's start and the benchmark.
 */
export const projectionReady = (store: Store, attempts = 3): Promise<AnalyticsSource | null> => analytics.ready(store, attempts);
