import {
  GraphQLError,
  Kind,
  getArgumentValues,
  getOperationAST,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { AccessError, accessGraphQLError, codeAccessErrors } from './access-error.ts';
import type { Store } from '../store/store.ts';
import { AuditService, auditJson } from '../audit/audit-service.ts';
import { CSRF_HEADER, DEFAULT_MAX_BODY_BYTES, DEFAULT_RATE_LIMIT, SESSION_COOKIE, type AuthOptions } from './auth-options.ts';
import { requiredRole, type OperationKind } from './permissions.ts';
import { RateLimiter } from './rate-limit.ts';
import { roleAtLeast } from './roles.ts';
import { UserService, type Principal } from './user-service.ts';

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

interface RootField {
  name: string;
  responseKey: string;
  node: FieldNode;
}

/** Root fields of the operation, through inline fragments and fragment spreads. */
function rootFields(selectionSet: SelectionSetNode, document: DocumentNode): RootField[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const out: RootField[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) out.push({ name: s.name.value, responseKey: s.alias?.value ?? s.name.value, node: s });
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(selectionSet);
  return out;
}

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=') || null;
  }
  return null;
}

function jsonError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
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

function clientAddress(request: Request, serverContext: Record<string, unknown>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const req = serverContext.req as { socket?: { remoteAddress?: string } } | undefined;
  return req?.socket?.remoteAddress ?? 'local';
}

function accessError(code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string): GraphQLError {
  return accessGraphQLError(new AccessError(code, message));
}

function withCodedErrors(result: ExecutionResult): ExecutionResult {
  return result.errors ? { ...result, errors: codeAccessErrors(result.errors) } : result;
}

/**
 * Everything security does to a GraphQL request, as yoga plugins:
 * request limits (body size, rate), CSRF check, who is calling (cookie or
 * bearer token), the role each root field needs (server/auth/permissions.ts),
 * the audit trail of mutations, and introspection off when asked.
 */
export function createSecurityPlugins(store: Store, options: AuthOptions): Plugin[] {
  const enabled = options.mode === 'enabled';
  const open = options.open ?? false;
  const users = new UserService(store);
  const audit = new AuditService(store);
  const auditOn = options.audit ?? enabled;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const rate = options.rateLimit ?? (enabled ? DEFAULT_RATE_LIMIT : false);
  const limiter = rate ? new RateLimiter(rate) : null;
  const signInLimiter = new RateLimiter({ perMinute: 10, burst: 10 });
  const trustProxy = options.trustProxy ?? false;
  const pendingCookies = new WeakMap<Request, string[]>();
  const clientKeys = new WeakMap<Request, string>();

  const guard: Plugin = {
    onRequest({ request, serverContext, endResponse }) {
      const length = Number(request.headers.get('content-length') ?? '0');
      if (length > maxBody) {
        endResponse(jsonError(413, 'PAYLOAD_TOO_LARGE', `request body of ${length} bytes exceeds the limit of ${maxBody} bytes`));
        return;
      }
      if (!request.headers.get('content-length') && request.headers.get('transfer-encoding')?.includes('chunked')) {
        endResponse(jsonError(411, 'LENGTH_REQUIRED', 'send the request body with a Content-Length header'));
        return;
      }
      const clientKey = clientAddress(request, serverContext as Record<string, unknown>, trustProxy);
      clientKeys.set(request, clientKey);
      if (limiter) {
        const decision = limiter.take(clientKey);
        if (!decision.allowed) {
          endResponse(jsonError(429, 'RATE_LIMITED', `too many requests from this client: retry after ${decision.retryAfter} s`, { 'retry-after': String(decision.retryAfter) }));
          return;
        }
      }
      if (enabled && needsCsrfHeader(request)) {
        endResponse(
          jsonError(403, 'CSRF', `request refused as possible cross-site request forgery: send the header '${CSRF_HEADER}: 1' (or use content-type application/json)`),
        );
      }
    },
    onResponse({ request, response }) {
      for (const cookie of pendingCookies.get(request) ?? []) response.headers.append('set-cookie', cookie);
    },
  };

  const authenticate = async (request: Request): Promise<{ principal: Principal; sessionSecret: string | null; credentialError?: string }> => {
    const authorization = request.headers.get('authorization');
    const sessionSecret = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const principal = match ? await users.principalForToken(match[1]!) : null;
      if (principal) return { principal, sessionSecret };
      return { principal: { kind: 'anonymous', name: 'anonymous', role: null }, sessionSecret, credentialError: 'the API token is invalid or revoked' };
    }
    if (sessionSecret) {
      const principal = await users.principalForSession(sessionSecret);
      if (principal) return { principal, sessionSecret };
    }
    if (!enabled) return { principal: { kind: 'system', name: 'anonymous', role: 'admin' }, sessionSecret };
    const anonymousViewer = open || (await users.userCount()) === 0;
    return { principal: { kind: 'anonymous', name: 'anonymous', role: anonymousViewer ? 'viewer' : null }, sessionSecret };
  };

  const credentialErrors = new WeakMap<object, string>();

  const access: Plugin<{ auth?: RequestAuth }> = {
    async onContextBuilding({ context, extendContext }) {
      const request = context.request;
      const { principal, sessionSecret, credentialError } = await authenticate(request);
      const secureCookie =
        options.secureCookies === true ||
        (options.secureCookies !== false && (new URL(request.url).protocol === 'https:' || (trustProxy && request.headers.get('x-forwarded-proto') === 'https')));
      const auth: RequestAuth = {
        enabled,
        open,
        principal,
        users,
        audit,
        sessionSecret,
        clientKey: clientKeys.get(request) ?? 'local',
        secureCookie,
        signInLimiter,
        setCookie: (header) => pendingCookies.set(request, [...(pendingCookies.get(request) ?? []), header]),
      };
      if (credentialError) credentialErrors.set(auth, credentialError);
      extendContext({ auth });
    },
    onValidate({ addValidationRule }) {
      if (options.introspection === false) addValidationRule(noIntrospection);
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      const auth = (args.contextValue as { auth?: RequestAuth }).auth;
      const operation = getOperationAST(args.document, args.operationName);
      if (!auth || !operation) return;
      const kind = operation.operation as OperationKind;
      const fields = rootFields(operation.selectionSet, args.document);
      const operationName = operation.name?.value ?? null;
      const { principal } = auth;

      let refusal: GraphQLError | null = null;
      for (const field of fields) {
        const need = requiredRole(kind, field.name);
        if (need === 'public' || roleAtLeast(principal.role, need)) continue;
        const what = `${kind} '${field.name}'`;
        const credentialError = credentialErrors.get(auth);
        refusal =
          principal.role === null
            ? accessError('UNAUTHENTICATED', `${credentialError ? credentialError + ': ' : ''}sign in to use ${what}: it needs role '${need}'`)
            : accessError('FORBIDDEN', `${what} needs role '${need}'; '${principal.name}' has role '${principal.role}'`);
        break;
      }
      const audited = auditOn && kind === 'mutation';

      setExecuteFn(async (execArgs) => {
        if (refusal) {
          if (audited) await recordAll(execArgs.schema, fields, execArgs.variableValues, auth, operationName, new Map(), { errors: [refusal] });
          return { errors: [refusal] };
        }
        if (!audited) return withCodedErrors((await executeFn(execArgs)) as ExecutionResult);
        const before = new Map<string, { label: string | null; json: string } | null>();
        const argsByKey = new Map<string, Record<string, unknown>>();
        for (const field of fields) {
          const fieldArgs = argumentsOf(execArgs.schema, field, execArgs.variableValues);
          argsByKey.set(field.responseKey, fieldArgs);
          const id = entityIdIn(fieldArgs);
          if (id && !before.has(id)) before.set(id, await audit.snapshot(id).catch(() => null));
        }
        const result = withCodedErrors((await executeFn(execArgs)) as ExecutionResult);
        await recordAll(execArgs.schema, fields, execArgs.variableValues, auth, operationName, before, result, argsByKey);
        return result;
      });
    },
  };

  async function recordAll(
    schema: GraphQLSchema,
    fields: RootField[],
    variables: Record<string, unknown> | null | undefined,
    auth: RequestAuth,
    operationName: string | null,
    before: Map<string, { label: string | null; json: string } | null>,
    result: ExecutionResult,
    argsByKey = new Map<string, Record<string, unknown>>(),
  ): Promise<void> {
    for (const field of fields) {
      if (field.name.startsWith('__')) continue;
      try {
        const fieldArgs = argsByKey.get(field.responseKey) ?? argumentsOf(schema, field, variables);
        const error = result.errors?.find((e) => !e.path || e.path[0] === field.responseKey);
        const value = (result.data as Record<string, unknown> | null | undefined)?.[field.responseKey];
        const entityId = entityIdIn(fieldArgs) ?? entityIdIn(value);
        const after = error || !entityId ? null : await audit.snapshot(entityId).catch(() => null);
        const prior = entityId ? (before.get(entityId) ?? null) : null;
        const actor = field.name === 'signIn' && typeof fieldArgs.name === 'string' ? `${auth.principal.name} (as ${fieldArgs.name.slice(0, 64)})` : auth.principal.name;
        await audit.record({
          actor,
          actorKind: auth.principal.kind,
          role: auth.principal.role,
          operation: operationName,
          field: field.name,
          args: auditJson(fieldArgs),
          entityId: entityId ?? null,
          entityLabel: after?.label ?? prior?.label ?? null,
          before: prior?.json ?? null,
          after: after?.json ?? null,
          ok: !error,
          summary: error ? `${String(error.extensions?.code ?? 'ERROR')}: ${error.message}`.slice(0, 500) : auditJson(value, 500),
        });
      } catch (e) {
        console.error(`audit: could not record mutation '${field.name}': ${(e as Error).message}`);
      }
    }
  }

  return [guard, access as Plugin];
}

/**
 * Refuses `__schema` and `__type` (like graphql's NoSchemaIntrospectionCustomRule,
 * without its type checks, so it works whichever copy of graphql runs validation).
 */
const noIntrospection = (context: { reportError(error: GraphQLError): void }) => ({
  Field(node: FieldNode) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(
        new GraphQLError(`GraphQL introspection has been disabled, but the requested query contained the field "${node.name.value}".`, {
          nodes: node,
          extensions: { code: 'INTROSPECTION_DISABLED' },
        }),
      );
    }
  },
});

/** Argument values of a root field (variables applied); raw literals when they cannot be coerced. */
function argumentsOf(schema: GraphQLSchema, field: RootField, variables: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const def = schema.getMutationType()?.getFields()[field.name] ?? schema.getQueryType()?.getFields()[field.name];
  if (!def) return {};
  try {
    return getArgumentValues(def, field.node, (variables ?? {}) as Record<string, unknown>);
  } catch {
    return {};
  }
}

/** The id a mutation is about: an `id` or `…Id` string in its arguments (or their `input`), or the `id` of its result. */
export function entityIdIn(value: unknown, depth = 0): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value) || depth > 1) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.id === 'string') return record.id;
  for (const [k, v] of Object.entries(record)) if (/Id$/.test(k) && typeof v === 'string') return v;
  for (const v of Object.values(record)) {
    const nested = entityIdIn(v, depth + 1);
    if (nested) return nested;
  }
  return null;
}

