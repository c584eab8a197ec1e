import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { codeAccessErrors } from './access-error.ts';
import type { Store } from '../store/store.ts';
import { AuditService } from '../audit/audit-service.ts';
import { capturingStore, entityIdIn, argumentsOf, recordMutation, type Capture } from '../audit/audit-capture.ts';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_RATE_LIMIT, type AuthOptions } from './auth-options.ts';
import { authenticate } from './authenticate.ts';
import { CostBudget, DEFAULT_COST_BUDGET } from './cost-budget.ts';
import { refusalFor, rootFields } from './authorise.ts';
import { httpGuard } from './http-guard.ts';
import { noIntrospection } from './no-introspection.ts';
import type { OperationKind } from './permissions.ts';
import { RateLimiter } from './rate-limit.ts';
import type { RequestAuth } from './request-auth.ts';
import { UserService } from './user-service.ts';

export type { RequestAuth } from './request-auth.ts';

function withCodedErrors(result: ExecutionResult): ExecutionResult {
  return result.errors ? { ...result, errors: codeAccessErrors(result.errors) } : result;
}

/**
 * Everything security does to a GraphQL request, as yoga plugins, each job in
 * its own file: the HTTP guard (body size, rate, CSRF: http-guard.ts), the
 * cost of each operation charged to its client (cost-budget.ts), who is
 * calling (authenticate.ts), the role each root field needs (authorise.ts,
 * permissions.ts), the audit trail of mutations with before/after read in the
 * write's own transaction (server/audit/audit-capture.ts), and introspection
 * off when asked (no-introspection.ts).
 */
export function createSecurityPlugins(store: Store, options: AuthOptions): Plugin[] {
  const enabled = options.mode === 'enabled';
  const open = options.open ?? false;
  const users = new UserService(store);
  const audit = new AuditService(store);
  const auditOn = options.audit ?? enabled;
  const rate = options.rateLimit ?? (enabled ? DEFAULT_RATE_LIMIT : false);
  const signInLimiter = new RateLimiter({ perMinute: 10, burst: 10 });
  const trustProxy = options.trustProxy ?? false;
  const pendingCookies = new WeakMap<Request, string[]>();
  const clientKeys = new WeakMap<Request, string>();
  const credentialErrors = new WeakMap<object, string>();

  const budget = new CostBudget(options.costBudget ?? (enabled ? DEFAULT_COST_BUDGET : false));
  const guard = httpGuard({
    maxBody: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    limiter: rate ? new RateLimiter(rate) : null,
    budget,
    trustProxy,
    csrf: enabled,
    clientKeys,
    pendingCookies,
  });

  const access: Plugin<{ auth?: RequestAuth }> = {
    async onContextBuilding({ context, extendContext }) {
      const request = context.request;
      const { principal, sessionSecret, credentialError } = await authenticate(request, users, { enabled, open });
      const secureCookie =
        options.secureCookies === true ||
        (options.secureCookies !== false &&
          (new URL(request.url).protocol === 'https:' || (trustProxy && request.headers.get('x-forwarded-proto') === 'https')));
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
      const refusal = refusalFor(kind, fields, auth.principal, credentialErrors.get(auth));
      const audited = auditOn && kind === 'mutation';

      setExecuteFn(async (execArgs) => {
        const record = (result: ExecutionResult, captures?: Map<string, Capture>) =>
          recordMutation({ schema: execArgs.schema, fields, variables: execArgs.variableValues, auth, operationName, result, captures });
        if (refusal) {
          if (audited) await record({ errors: [refusal] });
          return { errors: [refusal] };
        }
        if (!audited) return withCodedErrors((await executeFn(execArgs)) as ExecutionResult);
        // Root mutation fields run one after another but share one context: before/after are
        // read in the write's transaction when the operation has one field (the usual case),
        // around the whole operation otherwise.
        const captures = new Map<string, Capture>();
        let contextValue = execArgs.contextValue as { store: Store; auth: RequestAuth };
        for (const field of fields) {
          const capture: Capture = { entityId: entityIdIn(argumentsOf(execArgs.schema, field, execArgs.variableValues)) };
          captures.set(field.responseKey, capture);
          if (fields.length === 1) {
            const captured = capturingStore(contextValue.store, audit, capture);
            contextValue = { ...contextValue, store: captured, auth: { ...auth, users: users.withStore(captured) } };
          } else if (capture.entityId) capture.before = await audit.snapshot(capture.entityId).catch(() => null);
        }
        const result = withCodedErrors((await executeFn({ ...execArgs, contextValue })) as ExecutionResult);
        await record(result, captures);
        return result;
      });
    },
  };

  return [guard, budget.plugin(clientKeys), access as Plugin];
}
