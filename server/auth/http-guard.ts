import type { Plugin } from 'graphql-yoga';
import { CSRF_HEADER } from './auth-options.ts';
import type { RateLimiter } from './rate-limit.ts';

export function jsonError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** Content types a cross-site form or `fetch` can send without a CORS preflight (so a CSRF vector). */
function needsCsrfHeader(request: Request): boolean {
  if (request.headers.get(CSRF_HEADER)) return false;
  if (request.method === 'GET' || request.method === 'HEAD') {
    // A top-level navigation asking for HTML gets the GraphiQL page; yoga does not execute it.
    return !(request.headers.get('accept') ?? '').includes('text/html');
  }
  if (request.method === 'OPTIONS') return false;
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return type === '' || type === 'text/plain' || type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
}

/**
 * The client's address. Behind our reverse proxy (`trustProxy`) it is the
 * RIGHTMOST `X-Forwarded-For` entry: the one the proxy appended. Entries to
 * its left come from the client and can be anything.
 */
export function clientAddress(request: Request, serverContext: Record<string, unknown>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  const req = serverContext.req as { socket?: { remoteAddress?: string } } | undefined;
  return req?.socket?.remoteAddress ?? 'local';
}

export interface GuardOptions {
  maxBody: number;
  limiter: RateLimiter | null;
  /** Whether the client has cost budget left (server/auth/cost-budget.ts). */
  budget: { check(key: string): { allowed: boolean; retryAfter: number } };
  trustProxy: boolean;
  csrf: boolean;
  /** Where the client key of each request is kept for the later plugins. */
  clientKeys: WeakMap<Request, string>;
  pendingCookies: WeakMap<Request, string[]>;
}

/** What happens to a request before GraphQL sees it: body size, rate limit per client, CSRF; and cookies added to the answer. */
export function httpGuard(options: GuardOptions): Plugin {
  return {
    onRequest({ request, serverContext, endResponse }) {
      const length = Number(request.headers.get('content-length') ?? '0');
      if (length > options.maxBody) {
        endResponse(jsonError(413, 'PAYLOAD_TOO_LARGE', `request body of ${length} bytes exceeds the limit of ${options.maxBody} bytes`));
        return;
      }
      // Header values are case-insensitive: `Chunked` is chunked too.
      if (!request.headers.get('content-length') && /chunked/i.test(request.headers.get('transfer-encoding') ?? '')) {
        endResponse(jsonError(411, 'LENGTH_REQUIRED', 'send the request body with a Content-Length header'));
        return;
      }
      const clientKey = clientAddress(request, serverContext as Record<string, unknown>, options.trustProxy);
      options.clientKeys.set(request, clientKey);
      if (options.limiter) {
        const decision = options.limiter.take(clientKey);
        if (!decision.allowed) {
          endResponse(
            jsonError(429, 'RATE_LIMITED', `too many requests from this client: retry after ${decision.retryAfter} s`, {
              'retry-after': String(decision.retryAfter),
            }),
          );
          return;
        }
      }
      const budget = options.budget.check(clientKey);
      if (!budget.allowed) {
        endResponse(
          jsonError(
            429,
            'RATE_LIMITED',
            `this client has used its budget of query cost (estimated cost + milliseconds of work): retry after ${budget.retryAfter} s`,
            {
              'retry-after': String(budget.retryAfter),
            },
          ),
        );
        return;
      }
      if (options.csrf && needsCsrfHeader(request)) {
        endResponse(
          jsonError(
            403,
            'CSRF',
            `request refused as possible cross-site request forgery: send the header '${CSRF_HEADER}: 1' (or use content-type application/json)`,
          ),
        );
      }
    },
    onResponse({ request, response }) {
      for (const cookie of options.pendingCookies.get(request) ?? []) response.headers.append('set-cookie', cookie);
    },
  };
}
