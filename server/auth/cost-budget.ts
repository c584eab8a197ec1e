import { performance } from 'node:perf_hooks';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import type { Plugin } from 'graphql-yoga';
import { RateLimiter, type RateLimitOptions } from './rate-limit.ts';

/** Most a single operation may cost (graphql-armor's estimate): the documented auditTrail page of 500 with every field fits. */
export const MAX_QUERY_COST = 25_000;
/** Default budget per client: cost units a minute (1 unit = 1 point of the estimate = 1 ms of execution). */
export const DEFAULT_COST_BUDGET: RateLimitOptions = { perMinute: 60_000, burst: 60_000 };

/**
 * Cost, not count: every operation is charged to its client (the key the HTTP
 * guard chose) twice over — graphql-armor's estimate when it is validated, and
 * the milliseconds its execution took once it is done (the estimate cannot see
 * `first: $n` in a variable, nor a filter that scans a large label). A client
 * whose balance is spent gets 429 RATE_LIMITED with Retry-After until it
 * refills; other clients are not affected.
 *
 * The per-operation limit (MAX_QUERY_COST) applies whether or not a budget is set.
 */
export class CostBudget {
  readonly limiter: RateLimiter | null;

  constructor(options: RateLimitOptions | false) {
    this.limiter = options ? new RateLimiter(options) : null;
  }

  /** Whether the client may start another operation. */
  check(key: string) {
    return this.limiter ? this.limiter.check(key) : { allowed: true, retryAfter: 0 };
  }

  plugin(clientKeys: WeakMap<Request, string>): Plugin {
    const limiter = this.limiter;
    const keyOf = (context: unknown) => {
      const request = (context as { request?: Request } | undefined)?.request;
      return request ? (clientKeys.get(request) ?? null) : null;
    };
    return {
      onValidate({ context, addValidationRule }) {
        const key = keyOf(context);
        addValidationRule(
          costLimitRule({
            maxCost: MAX_QUERY_COST,
            exposeLimits: true,
            onAccept: [(_ctx: unknown, { n }: { n: number }) => (key && limiter ? limiter.charge(key, n) : undefined)],
          }),
        );
      },
      onExecute({ args }) {
        const key = keyOf(args.contextValue);
        if (!key || !limiter) return undefined;
        const started = performance.now();
        return {
          onExecuteDone() {
            limiter.charge(key, Math.round(performance.now() - started));
          },
        };
      },
    };
  }
}
