import v8 from 'node:v8';
import { constants, PerformanceObserver } from 'node:perf_hooks';

/**
 * How much V8's old generation may grow past what the last major collection
 * kept, while a projection is read or the ranking's weights are fitted: 30 %.
 *
 * These reads and the fit make garbage that outlives a young collection (a page
 * of rows, a question's candidates, held across the turns they yield in) and so
 * lands in the old generation. By default V8 lets that generation grow up to ~4×
 * before it collects when it has memory to spare: at tier L the heap went from
 * ~0.3 GB live to 0.8–1.1 GB during the start, and the process's peak with it.
 * Growing by 30 % collects sooner (~4 % more CPU over the start at L, bench/README.md
 * "Tier L memory and start, round seven").
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * While the server serves: the most the old generation may grow past what it keeps, in MB (or 30 % of it, if more).
 * Requests in flight under load outlive young collections too, and an answer's JSON text is a large object: at
 * tier L, V8's own factor let a load of trivial queries grow ~0.28 GB kept to ~1 GB, the server's peak RSS with it
 * (bench/README.md "lrss, round eight"). A heap keeping no more than this (tier M: ~60 MB) grows as V8 decides:
 * more frequent major collections would cost its requests CPU for memory it does not need.
 */
export const SERVING_HEADROOM_MB = 128;

/** The growth (`--heap-growing-percent`; 0: V8's own) for a server whose last major collection kept `liveMb`. */
export function servingGrowingPercent(liveMb: number): number {
  if (liveMb <= SERVING_HEADROOM_MB) return 0;
  return Math.max(HEAP_GROWING_PERCENT, Math.round((100 * SERVING_HEADROOM_MB) / liveMb));
}

/** Node's flags say how the heap grows: then they stand, and neither builds nor the server change them. */
const setByUser = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => /^--heap[-_]growing[-_]percent/.test(a));

let running = 0;
/** The growth when no build runs: 0 (V8's own) until the server serves, then from its last major collection. */
let idlePercent = 0;

/**
 * Runs `work` with the old generation's growth bounded (above); the bound holds
 * while any such work runs and is lifted when the last one ends, however it ends
 * (back to the server's own, once it serves: `boundHeapGrowthWhileServing`).
 * `setFlags`: V8's flag setter (tests pass their own).
 */
export async function withBoundedHeapGrowth<T>(work: () => Promise<T>, setFlags: (flags: string) => void = v8.setFlagsFromString): Promise<T> {
  if (setByUser) return work();
  // V8 reads this flag each time it sets the next collection's limit (heap-controller.cc); 0 is its default (its own factor)
  if (running++ === 0) setFlags(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  try {
    return await work();
  } finally {
    if (--running === 0) setFlags(`--heap-growing-percent=${idlePercent}`);
  }
}

/**
 * For the rest of the process (server/main.ts, at its start): after each major collection, the growth that
 * follows is set from what it kept (`servingGrowingPercent`), unless a build holds its own bound.
 * `keptMb`: what the collection kept (tests pass their own, with a collection to report).
 */
export function boundHeapGrowthWhileServing(
  setFlags: (flags: string) => void = v8.setFlagsFromString,
  onMajorCollection: (report: () => void) => void = observeMajorCollections,
  keptMb: () => number = oldGenerationMb,
): void {
  if (setByUser) return;
  onMajorCollection(() => {
    const percent = servingGrowingPercent(keptMb());
    if (percent === idlePercent) return;
    idlePercent = percent;
    if (running === 0) setFlags(`--heap-growing-percent=${percent}`);
  });
}

/** The old generation in use (MB): read in the turn after a collection, the young objects made since are left out. */
function oldGenerationMb(): number {
  let bytes = 0;
  for (const space of v8.getHeapSpaceStatistics()) if (!space.space_name.startsWith('new_')) bytes += space.space_used_size;
  return bytes / 2 ** 20;
}

function observeMajorCollections(report: () => void): void {
  new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) report();
  }).observe({ entryTypes: ['gc'] });
}
