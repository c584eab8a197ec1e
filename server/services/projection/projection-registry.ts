import type { Store } from '../../store/store.ts';
import type { GapFactsSource } from '../gaps/gap-facts-source.ts';
import type { CandidateFactsSource } from '../suppliers/candidate-facts-source.ts';
import type { AnalyticGraph } from './analytic-graph.ts';
import { changesAnalyticGraph } from './analytic-writes.ts';
import { buildAnalyticGraph } from './build-analytic-graph.ts';
import { buildExploreGraph, type ExploreGraph } from './explore-graph.ts';
import { projectedCandidateFacts } from './projected-candidate-facts.ts';
import { projectedGapFacts } from './projected-gap-facts.ts';

/** A current projection and the fact sources the services read from it. */
export interface AnalyticsSource {
  graph: AnalyticGraph;
  /** The store's data version (see `version`) the graph was read at. */
  version: number;
  gapFacts: GapFactsSource;
  candidateFacts: CandidateFactsSource;
  /** The explorable graph's topology for `neighbourhood`; null when the store's queries must answer (see buildExploreGraph). */
  explore: ExploreGraph | null;
}

interface State {
  /**
   * Moves with every committed write that may change the analytic subgraph
   * (analytic-writes.ts) when the store reports its commits (Store.onCommit);
   * else the store's write generation is used.
   */
  dataVersion: number;
  tracksCommits: boolean;
  current: AnalyticsSource | null;
  building: Promise<AnalyticsSource | null> | null;
  /** No new build before this time (ms): building takes at most half of the time while writes keep coming. */
  notBefore: number;
}

const states = new WeakMap<Store, State>();
/** Neo4j stores whose server is the database's only writer (config ANALYTICS_PROJECTION=on): the projection may serve there too. */
const optedIn = new WeakSet<Store>();

/**
 * Whether the projection serves this store's analyses. On by default for the
 * embedded store, whose every write goes through this process; on Neo4j this
 * process does not see other servers' commits, so only when the deployment
 * says this server is the only writer (ANALYTICS_PROJECTION=on).
 */
export const projectionEnabled = (store: Store) => store.kind === 'embedded' || optedIn.has(store);

/** Lets the projection serve a Neo4j store (this server is its only writer). */
export function enableProjection(store: Store): void {
  optedIn.add(store);
}

function stateOf(store: Store): State {
  let s = states.get(store);
  if (!s) {
    const state: State = { dataVersion: 0, tracksCommits: false, current: null, building: null, notBefore: 0 };
    if (store.onCommit) {
      // Held weakly: the state (and its graph) of a store view that is gone is not kept alive by the store.
      const ref = new WeakRef(state);
      const stop = store.onCommit((names) => {
        const live = ref.deref();
        if (!live) stop();
        else if (changesAnalyticGraph(names)) live.dataVersion += 1;
      });
      state.tracksCommits = true;
    }
    states.set(store, (s = state));
  }
  return s;
}

const versionOf = (store: Store, state: State) => (state.tracksCommits ? state.dataVersion : store.writeGeneration());
const isCurrent = (store: Store, state: State) => state.current !== null && state.current.version === versionOf(store, state);

/**
 * Reads the projection out of the store now (not cached): what the registry
 * builds, and what tests compare with the store's own queries.
 */
export async function readAnalyticsSource(store: Store): Promise<AnalyticsSource> {
  const state = stateOf(store);
  const version = versionOf(store, state);
  const graph = await buildAnalyticGraph(store);
  // after the analytic graph, whose enterprises, SUPPLIES, OPERATES_IN and LOCATED_IN it reuses
  // if its read fails (e.g. an engine's time limit), neighbourhood answers from the store and the analyses keep the projection
  const explore = await buildExploreGraph(store, graph).catch(() => null);
  return { graph, version, gapFacts: projectedGapFacts(graph), candidateFacts: projectedCandidateFacts(graph), explore };
}

function startBuild(store: Store, state: State): Promise<AnalyticsSource | null> {
  const started = performance.now();
  state.current = null; // a stale graph is never used again: let it go before the new one is read
  state.building = readAnalyticsSource(store)
    .then(
      // A write committed while reading: this graph may mix before and after, so it is dropped.
      (source) => (source.version === versionOf(store, state) ? (state.current = source) : null),
      // The store's queries keep serving; the next request tries again.
      () => null,
    )
    .finally(() => {
      state.building = null;
      state.notBefore = performance.now() + (performance.now() - started);
    });
  return state.building;
}

/**
 * The projection if it is current (no write that may change the analytic
 * subgraph committed since it was read), else null — and then a rebuild starts in the background while
 * the caller answers from the store's queries. Answers are the same either way.
 */
export function analyticsSource(store: Store): AnalyticsSource | null {
  if (!projectionEnabled(store)) return null;
  const state = stateOf(store);
  if (isCurrent(store, state)) return state.current;
  if (!state.building && performance.now() >= state.notBefore) void startBuild(store, state);
  return null;
}

/**
 * Waits until the projection is current (builds it if needed); null when it is
 * off for this store or writes kept coming during `attempts` builds. For the
 * server's start and the benchmark.
 */
export async function projectionReady(store: Store, attempts = 3): Promise<AnalyticsSource | null> {
  if (!projectionEnabled(store)) return null;
  const state = stateOf(store);
  for (let i = 0; i < attempts; i++) {
    if (isCurrent(store, state)) return state.current;
    await (state.building ?? startBuild(store, state));
  }
  return isCurrent(store, state) ? state.current : null;
}
