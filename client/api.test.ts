import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, graphql, setAuthHandler } from './api.ts';

function respond(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const refused = { errors: [{ message: "query 'chains' needs a signed-in user", extensions: { code: 'UNAUTHENTICATED' } }] };

describe('graphql()', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setAuthHandler(null);
  });

  it('turns GraphQL errors into ApiError with the code', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => respond({ errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }] })),
    );
    await expect(graphql('{ x }')).rejects.toMatchObject({ name: 'ApiError', message: 'bad', code: 'BAD_USER_INPUT' });
  });

  it('reports a network failure as NETWORK', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(graphql('{ x }')).rejects.toEqual(new ApiError('network: Failed to fetch', 'NETWORK'));
  });

  it('asks to sign in once for concurrent refusals, then retries each request', async () => {
    let signedIn = false;
    const fetch = vi.fn(async () => (signedIn ? respond({ data: { ok: true } }) : respond(refused, 401)));
    vi.stubGlobal('fetch', fetch);
    const handler = vi.fn(async () => {
      signedIn = true;
    });
    setAuthHandler(handler);
    await expect(Promise.all([graphql('{ a }'), graphql('{ b }')])).resolves.toEqual([{ ok: true }, { ok: true }]);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('does not loop on a refused sign-in', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => respond(refused, 401)),
    );
    const handler = vi.fn(async () => undefined);
    setAuthHandler(handler);
    await expect(graphql('mutation { signIn(name: "a", password: "b") { name } }')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(handler).not.toHaveBeenCalled();
  });
});
