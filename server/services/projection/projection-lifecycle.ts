import type { Store } from '../../store/store.ts';
import { withBoundedHeapGrowth } from './heap-growth.ts';

/** Neo4j stores whose server is the database's only writer (config ANALYTICS_PROJECTION=on): projections may serve there too. */
const optedIn = new WeakSet<Store>();

/**
 * Whether in-memory projections (the analytics projection, the name index)
 * serve this store. On by default for the embedded store, whose every write
 * goes through this process; on Neo4j this process does not see other
 * servers' commits, so only when the deployment says this server is the only
 * writer (ANALYTICS_PROJECTION=on).
 */
export const projectionEnabled = (store: Store) => store.kind === 'embedded' || optedIn.has(store);

/** Lets projections serve a Neo4j store (this server is its only writer). */
export function enableProjection(store: Store): void {
  optedIn.add(store);
}

/** What a projection holds: anything read out of the store, tagged with the data version it was read at. */
export interface Versioned {
  version: number;
}

/** One kind of in-memory projection of a store, kept in step with committed writes. */
export interface ProjectionLifecycle<T extends Versioned> {
  /**
   * The projection if it is current (no write that may change it committed
   * since it was read), else null — and then a rebuild starts in the
   * background while the caller answers from the store's queries.
   */
  current(store: Store): T | null;
  /**
   * Waits until the projection is current (builds it if needed); null when
   * projections are off for this store or writes kept coming during `attempts`
   * builds. For the server's start and the benchmark.
   */
  ready(store: Store, attempts?: number): Promise<T | null>;
  /** Reads it out of the store now (not cached): what a rebuild reads, and what tests compare with the store's own queries. */
  readNow(store: Store): Promise<T>;
}

interface State<T> {
  /**
   * Moves with every committed write that may change the projection (`changedBy`)
   * when the store reports its commits (Store.onCommit); else the store's write
   * generation is used.
   */
  dataVersion: number;
  tracksCommits: boolean;
  current: T | null;
  building: Promise<T | null> | null;
  /** No new build before this time (ms): building takes at most half of the time while writes keep coming. */
  notBefore: number;
}

/**
 * The life of one kind of projection, one per store: read out of the store,
 * used while current, dropped at the first write that may change it, read
 * again in the background. `changedBy` says from a committed transaction's
 * query names whether it may have changed what `read` reads; `read` gets the
 * data version to tag its result with.
 */
export function projectionLifecycle<T extends Versioned>(
  changedBy: (queryNames: readonly string[]) => boolean,
  read: (store: Store, version: number) => Promise<T>,
): ProjectionLifecycle<T> {
  const states = new WeakMap<Store, State<T>>();

  function stateOf(store: Store): State<T> {
    let s = states.get(store);
    if (!s) {
      const state: State<T> = { dataVersion: 0, tracksCommits: false, current: null, building: null, notBefore: 0 };
      if (store.onCommit) {
        // Held weakly: the state (and its projection) of a store view that is gone is not kept alive by the store.
        const ref = new WeakRef(state);
        const stop = store.onCommit((names) => {
          const live = ref.deref();
          if (!live) stop();
          else if (changedBy(names)) live.dataVersion += 1;
        });
        state.tracksCommits = true;
      }
      states.set(store, (s = state));
    }
    return s;
  }

  const versionOf = (store: Store, state: State<T>) => (state.tracksCommits ? state.dataVersion : store.writeGeneration());
  const isCurrent = (store: Store, state: State<T>) => state.current !== null && state.current.version === versionOf(store, state);
  const readNow = (store: Store) => withBoundedHeapGrowth(() => read(store, versionOf(store, stateOf(store))));

  function startBuild(store: Store, state: State<T>): Promise<T | null> {
    const started = performance.now();
    state.current = null; // a stale projection is never used again: let it go before the new one is read
    state.building = readNow(store)
      .then(
        // A write committed while reading: this projection may mix before and after, so it is dropped.
        (value) => (value.version === versionOf(store, state) ? (state.current = value) : null),
        // The store's queries keep serving; the next request tries again.
        () => null,
      )
      .finally(() => {
        state.building = null;
        state.notBefore = performance.now() + (performance.now() - started);
      });
    return state.building;
  }

  return {
    current(store) {
      if (!projectionEnabled(store)) return null;
      const state = stateOf(store);
      if (isCurrent(store, state)) return state.current;
      if (!state.building && performance.now() >= state.notBefore) void startBuild(store, state);
      return null;
    },
    async ready(store, attempts = 3) {
      if (!projectionEnabled(store)) return null;
      const state = stateOf(store);
      for (let i = 0; i < attempts; i++) {
        if (isCurrent(store, state)) return state.current;
        await (state.building ?? startBuild(store, state));
      }
      return isCurrent(store, state) ? state.current : null;
    },
    readNow,
  };
}
