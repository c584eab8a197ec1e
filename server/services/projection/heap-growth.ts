import v8 from 'node:v8';

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
 * "Tier L memory and start, round seven"). Requests are served with V8's own
 * heuristics: the setting holds only while such work runs.
 */
export const BUILD_HEAP_GROWING_PERCENT = 30;

/** Node's flags say how the heap grows: then they stand, and builds leave them alone. */
const setByUser = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => /^--heap[-_]growing[-_]percent/.test(a));

let running = 0;

/**
 * Runs `work` with the old generation's growth bounded (above); the bound holds
 * while any such work runs and is lifted when the last one ends, however it ends.
 * `setFlags`: V8's flag setter (tests pass their own).
 */
export async function withBoundedHeapGrowth<T>(work: () => Promise<T>, setFlags: (flags: string) => void = v8.setFlagsFromString): Promise<T> {
  if (setByUser) return work();
  // V8 reads this flag each time it sets the next collection's limit (heap-controller.cc); 0 is its default (its own factor)
  if (running++ === 0) setFlags(`--heap-growing-percent=${BUILD_HEAP_GROWING_PERCENT}`);
  try {
    return await work();
  } finally {
    if (--running === 0) setFlags('--heap-growing-percent=0');
  }
}
