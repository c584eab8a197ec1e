import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Background work cut into slices of about `ms` of the event loop each: the work asks `due()` in its loops
 * (a clock read, so not on every element of a million) and awaits `next()` when it is, so a request that
 * arrives meanwhile waits at most about one slice behind it (the weight fit, fitted-weights.ts).
 */
export class TimeSlices {
  private start = performance.now();

  constructor(readonly ms: number) {}

  /** Whether this slice is spent. */
  due(): boolean {
    return performance.now() - this.start >= this.ms;
  }

  /** Lets the event loop turn (requests waiting meanwhile are served), then starts a new slice. */
  async next(): Promise<void> {
    await nextTurn();
    this.start = performance.now();
  }

  /** `next()` when the slice is spent. */
  async check(): Promise<void> {
    if (this.due()) await this.next();
  }
}

/** Elements between two clock reads in the loops below. */
const CHUNK = 1024;

/** `fn(i)` for i in [0, n), in order; with `slices`, yielding to requests between chunks when a slice is spent. */
export async function forEachInSlices(slices: TimeSlices | undefined, n: number, fn: (i: number) => void): Promise<void> {
  if (!slices) {
    for (let i = 0; i < n; i++) fn(i);
    return;
  }
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    for (let i = start; i < end; i++) fn(i);
    await slices.check();
  }
}

/**
 * Sorts `items` in place exactly as `items.sort(compare)` does (a stable sort: equal items keep their order);
 * with `slices`, as a merge sort of sorted runs that yields between chunks, so a list of 150,000 candidates
 * is never one long stretch of the event loop.
 */
export async function sortInSlices<T>(items: T[], compare: (a: T, b: T) => number, slices?: TimeSlices): Promise<T[]> {
  if (!slices || items.length <= CHUNK * 4) return items.sort(compare);
  const n = items.length;
  const run = CHUNK * 4;
  for (let start = 0; start < n; start += run) {
    const sorted = items.slice(start, Math.min(n, start + run)).sort(compare);
    for (let i = 0; i < sorted.length; i++) items[start + i] = sorted[i]!;
    await slices.check();
  }
  let from = items;
  let to = new Array<T>(n);
  for (let width = run; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const mid = Math.min(n, left + width);
      const end = Math.min(n, left + 2 * width);
      let i = left;
      let j = mid;
      for (let k = left; k < end; k++) {
        // the left run first when equal: stable
        to[k] = i < mid && (j >= end || compare(from[i]!, from[j]!) <= 0) ? from[i++]! : from[j++]!;
        if ((k & (CHUNK - 1)) === 0) await slices.check();
      }
    }
    [from, to] = [to, from];
  }
  if (from !== items) for (let i = 0; i < n; i++) items[i] = from[i]!;
  return items;
}
