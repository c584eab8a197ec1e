/** Token bucket per client key: `capacity` requests at once, refilled at `perMinute`. */
export interface RateLimitOptions {
  /** Sustained requests per minute per client (default 600). */
  perMinute: number;
  /** Burst size (default: perMinute / 4, at least 20). */
  burst?: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until one request is allowed again (for Retry-After), 0 when allowed. */
  retryAfter: number;
}

/** In-process limiter; buckets idle long enough to be full again are dropped so memory stays bounded. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly capacity: number;
  private readonly perMs: number;
  private lastSweep = 0;

  constructor(
    options: RateLimitOptions,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.capacity = options.burst ?? Math.max(20, Math.floor(options.perMinute / 4));
    this.perMs = options.perMinute / 60_000;
  }

  take(key: string): RateDecision {
    const bucket = this.refilled(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfter: 0 };
    }
    return this.refusal(bucket.tokens);
  }

  /** Whether the client has anything left, taking nothing (for budgets charged after the fact). */
  check(key: string): RateDecision {
    const bucket = this.refilled(key);
    return bucket.tokens > 0 ? { allowed: true, retryAfter: 0 } : this.refusal(bucket.tokens);
  }

  /** Takes `amount` (work already done): the balance may go below zero, and `check` refuses until it is refilled. */
  charge(key: string, amount: number): void {
    this.refilled(key).tokens -= amount;
  }

  private refilled(key: string): { tokens: number; at: number } {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    return bucket;
  }

  private refusal(tokens: number): RateDecision {
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    const full = this.capacity / this.perMs;
    for (const [key, bucket] of this.buckets) if (now - bucket.at > full) this.buckets.delete(key);
  }
}
