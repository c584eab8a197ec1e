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
