import type { GraphQLResolveInfo } from 'graphql';
import { AccessError } from '../../auth/access-error.ts';
import { SESSION_COOKIE } from '../../auth/auth-options.ts';
import { roleAtLeast } from '../../auth/roles.ts';
import type { RequestAuth } from '../../auth/request-auth.ts';
import { AuthError, SESSION_TTL_MS, type Principal } from '../../auth/user-service.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

type Ctx = GraphQLContext & { auth?: RequestAuth };

function authOf(ctx: Ctx, _info?: GraphQLResolveInfo): RequestAuth {
  if (!ctx.auth) throw new Error('access control is not installed on this server (createSecurityPlugins)');
  return ctx.auth;
}

function me(principal: Principal, auth: RequestAuth, firstRun = false) {
  return {
    firstRun,
    name: principal.name,
    role: principal.role,
    kind: principal.kind,
    signedIn: principal.kind === 'user' || principal.kind === 'token',
    canEdit: roleAtLeast(principal.role, 'editor'),
    canAdmin: roleAtLeast(principal.role, 'admin'),
    authEnabled: auth.enabled,
    openMode: auth.open,
  };
}

function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

async function signInAs(auth: RequestAuth, name: string, password: string) {
  const decision = auth.signInLimiter.take(auth.clientKey);
  if (!decision.allowed) throw new AccessError('RATE_LIMITED', `too many sign-in attempts: retry after ${decision.retryAfter} s`);
  try {
    const { secret, user } = await auth.users.signIn(name, password);
    auth.setCookie(sessionCookie(secret, Math.floor(SESSION_TTL_MS / 1000), auth.secureCookie));
    return me({ kind: 'user', name: user.name, role: user.role }, auth);
  } catch (e) {
    if (e instanceof AuthError) throw new AccessError('UNAUTHENTICATED', e.message);
    throw e;
  }
}

export const authResolvers: Resolvers = {
  Query: {
    me: async (_: unknown, __: unknown, ctx: Ctx, info: GraphQLResolveInfo) => {
      const auth = authOf(ctx, info);
      if (auth.principal.role === null) return null;
      const firstRun = auth.enabled && auth.principal.kind === 'anonymous' && (await auth.users.userCount()) === 0;
      return me(auth.principal, auth, firstRun);
    },
    users: (_: unknown, __: unknown, ctx: Ctx, info: GraphQLResolveInfo) => authOf(ctx, info).users.listUsers(),
    apiTokens: (_: unknown, __: unknown, ctx: Ctx, info: GraphQLResolveInfo) => authOf(ctx, info).users.listApiTokens(),
  },
  Mutation: {
    signIn: async (_: unknown, args: { name: string; password: string }, ctx: Ctx, info: GraphQLResolveInfo) =>
      signInAs(authOf(ctx, info), args.name, args.password),
    createFirstAdmin: async (_: unknown, args: { name: string; password: string }, ctx: Ctx, info: GraphQLResolveInfo) => {
      const auth = authOf(ctx, info);
      if (!auth.enabled) throw new AccessError('FORBIDDEN', 'access control is off on this server: there are no accounts to create');
      const created = await auth.users.addFirstAdmin(args.name, args.password);
      if (!created) throw new AccessError('FORBIDDEN', 'users exist already: sign in; an admin adds further users');
      return signInAs(auth, args.name, args.password);
    },
    signOut: async (_: unknown, __: unknown, ctx: Ctx, info: GraphQLResolveInfo) => {
      const auth = authOf(ctx, info);
      if (auth.sessionSecret) await auth.users.signOut(auth.sessionSecret);
      auth.setCookie(sessionCookie('', 0, auth.secureCookie));
      return true;
    },
    createUser: (_: unknown, a: { name: string; password: string; role: string }, ctx: Ctx, info: GraphQLResolveInfo) =>
      authOf(ctx, info).users.addUser(a.name, a.role, a.password),
    removeUser: (_: unknown, a: { name: string }, ctx: Ctx, info: GraphQLResolveInfo) => authOf(ctx, info).users.removeUser(a.name),
    setUserRole: (_: unknown, a: { name: string; role: string }, ctx: Ctx, info: GraphQLResolveInfo) => authOf(ctx, info).users.setRole(a.name, a.role),
    setUserPassword: (_: unknown, a: { name: string; password: string }, ctx: Ctx, info: GraphQLResolveInfo) =>
      authOf(ctx, info).users.setPassword(a.name, a.password),
    createApiToken: (_: unknown, a: { name: string; role: string }, ctx: Ctx, info: GraphQLResolveInfo) => {
      const auth = authOf(ctx, info);
      return auth.users.createApiToken(a.name, a.role, auth.principal.name);
    },
    revokeApiToken: (_: unknown, a: { id: string }, ctx: Ctx, info: GraphQLResolveInfo) => authOf(ctx, info).users.revokeApiToken(a.id),
  },
};
