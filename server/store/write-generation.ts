/**
 * The number caches compare to know whether a read may be served again
 * (Store.writeGeneration). It grows after every write this process commits and,
 * when other processes may write the same database (Neo4j), also once every
 * `maxAgeMs`: their writes then reach this process's caches within that time.
 * maxAgeMs 0 grows it on every look, so nothing is ever served from a cache.
 */
export class WriteGeneration {
  private value = 0;
  private tick: number;

  constructor(
    private readonly maxAgeMs: number = Infinity,
    private readonly now: () => number = Date.now,
  ) {
    this.tick = this.tickAt();
  }

  /** A write committed in this process. */
  bump(): void {
    this.value += 1;
  }

  current(): number {
    if (this.maxAgeMs === 0) return ++this.value;
    const tick = this.tickAt();
    if (tick !== this.tick) {
      this.tick = tick;
      this.value += 1;
    }
    return this.value;
  }

  private tickAt(): number {
    return Number.isFinite(this.maxAgeMs) && this.maxAgeMs > 0 ? Math.floor(this.now() / this.maxAgeMs) : 0;
  }
}
