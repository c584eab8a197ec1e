import type { AuditService } from '../audit/audit-service.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { Principal, UserService } from './user-service.ts';

/** What resolvers see as `context.auth`. */
export interface RequestAuth {
  /** Whether access control is on (false in API tests: everyone is admin). */
  enabled: boolean;
  open: boolean;
  principal: Principal;
  users: UserService;
  audit: AuditService;
  /** Session secret from the cookie, for sign-out. */
  sessionSecret: string | null;
  /** Key of the client for rate limits (IP address). */
  clientKey: string;
  /** Queues a Set-Cookie header on the response. */
  setCookie(header: string): void;
  /** Whether the session cookie gets the Secure flag on this request. */
  secureCookie: boolean;
  /** Stricter bucket for sign-in attempts (per client). */
  signInLimiter: RateLimiter;
}
