import type { RateLimitOptions } from './rate-limit.ts';

/**
 * Access control and request limits of the GraphQL server.
 *
 * Every server names its mode (there is no default). `mode: 'disabled'`
 * (`DISABLED_AUTH`) is for API tests, which call queries and mutations without
 * credentials: every request acts as an admin called `anonymous`, nothing is
 * audited, no CSRF header is needed. The real server (`main.ts` through
 * `createHttpServer`) passes `mode: 'enabled'`.
 */
export interface AuthOptions {
  mode: 'enabled' | 'disabled';
  /**
   * Open (demo) mode: anonymous requests are viewers even when users exist.
   * Without it anonymous requests are viewers only while no user exists yet
   * (the zero-setup first run). Mutations always need a signed-in editor.
   */
  open?: boolean;
  /** Schema introspection (`__schema`, `__type`); default on. */
  introspection?: boolean;
  /** Per-client token bucket; default 600 requests a minute when enabled, off when disabled; `false` turns it off. */
  rateLimit?: RateLimitOptions | false;
  /**
   * Per-client budget of cost units a minute (graphql-armor's estimate of each
   * operation + the ms its execution took); default 60 000 a minute when
   * enabled, off when disabled; `false` turns it off.
   */
  costBudget?: RateLimitOptions | false;
  /** Largest request body in bytes (file uploads included); default 25 MiB. */
  maxBodyBytes?: number;
  /** Record successful and refused mutations in the audit trail; default: on when enabled. */
  audit?: boolean;
  /** Trust X-Forwarded-For / X-Forwarded-Proto (only behind a reverse proxy you run). */
  trustProxy?: boolean;
  /** Secure flag on the session cookie: 'auto' (default) sets it when the request came over https. */
  secureCookies?: boolean | 'auto';
}

export const DISABLED_AUTH: AuthOptions = { mode: 'disabled' };
export const DEFAULT_MAX_BODY_BYTES = 25 * 1024 * 1024;
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perMinute: 600 };

/** Header a browser client sends with every request that is not `application/json` (GET, multipart uploads). */
export const CSRF_HEADER = 'x-graphql-csrf';
export const SESSION_COOKIE = 'cg_session';
