import { SESSION_COOKIE } from './auth-options.ts';
import type { Principal, UserService } from './user-service.ts';

export interface Authentication {
  principal: Principal;
  sessionSecret: string | null;
  /** Set when credentials were sent but did not hold (a bad or revoked token). */
  credentialError?: string;
}

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=') || null;
  }
  return null;
}

const ANONYMOUS = { kind: 'anonymous', name: 'anonymous' } as const;

/**
 * Who is calling: a bearer token, else the session cookie, else anonymous
 * (a viewer in open mode or while no user exists; nobody otherwise). With
 * access control off every caller is an admin called `anonymous`.
 */
export async function authenticate(request: Request, users: UserService, options: { enabled: boolean; open: boolean }): Promise<Authentication> {
  const authorization = request.headers.get('authorization');
  const sessionSecret = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const principal = match ? await users.principalForToken(match[1]!) : null;
    if (principal) return { principal, sessionSecret };
    return { principal: { ...ANONYMOUS, role: null }, sessionSecret, credentialError: 'the API token is invalid or revoked' };
  }
  if (sessionSecret) {
    const principal = await users.principalForSession(sessionSecret);
    if (principal) return { principal, sessionSecret };
  }
  if (!options.enabled) return { principal: { kind: 'system', name: 'anonymous', role: 'admin' }, sessionSecret };
  const anonymousViewer = options.open || (await users.userCount()) === 0;
  return { principal: { ...ANONYMOUS, role: anonymousViewer ? 'viewer' : null }, sessionSecret };
}
