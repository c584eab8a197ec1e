import { createGraphQLServer } from '../../server/graphql/yoga.ts';
import type { AuthOptions } from '../../server/auth/auth-options.ts';
import { UserService } from '../../server/auth/user-service.ts';
import type { Store } from '../../server/store/store.ts';
import { openTestStore } from './test-store.ts';
import type { Role } from '../../server/auth/roles.ts';

export interface GraphQLAnswer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/**
 * A GraphQL server with access control ON (`mode: 'enabled'`, rate limit and
 * cost budget off unless given) over a fresh test store (test-store.ts). `createTestApi`
 * has access control off; use this to test roles, sign-in and the audit trail.
 */
export async function createSecureTestApi(auth: Partial<AuthOptions> = {}, store?: Store) {
  const db = store ?? (await openTestStore());
  const yoga = createGraphQLServer({ store: db, auth: { mode: 'enabled', rateLimit: false, costBudget: false, ...auth } });
  const users = new UserService(db);

  async function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLAnswer> {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLAnswer['body'] };
  }

  /** Adds a user with a fixed test password and signs in: returns headers carrying the session cookie. */
  async function signedIn(name: string, role: Role): Promise<Record<string, string>> {
    const password = `pw-${name}-0123456789`;
    await users.addUser(name, role, password);
    const answer = await gql('mutation($n: String!, $p: String!) { signIn(name: $n, password: $p) { name role } }', { n: name, p: password });
    const cookie = answer.headers.get('set-cookie');
    if (!cookie) throw new Error(`signIn as '${name}' set no cookie: ${JSON.stringify(answer.body)}`);
    return { cookie: cookie.split(';')[0]! };
  }

  return { store: db, yoga, users, gql, signedIn, close: () => db.close() };
}

/** Headers of an API token request. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

import { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';

/**
 * True when vitest loads two copies of graphql (ESM for our TypeScript, CJS
 * for yoga): server/graphql/errors.ts then masks domain errors as INTERNAL in
 * tests only. Fix: alias graphql to require.resolve('graphql') in vitest.config.ts.
 */
export const dualGraphql = !(createGraphQLError('probe') instanceof GraphQLError);
