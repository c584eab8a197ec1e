import { useGraphQlJit } from '@envelop/graphql-jit';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createSchema, createYoga } from 'graphql-yoga';
import type { AuthOptions } from '../auth/auth-options.ts';
import { createSecurityPlugins } from '../auth/security-plugin.ts';
import type { Store } from '../store/store.ts';
import type { GraphQLContext } from './context.ts';
import { maskError, serverLogger } from './errors.ts';
import { inputLimitsPlugin } from './input-limits.ts';
import { resolvers } from './resolvers/index.ts';
import { createResponseCachePlugin } from './response-cache.ts';

const SCHEMA_DIR = fileURLToPath(new URL('./schema/', import.meta.url));

/** The schema-first type definitions: every .graphql file of server/graphql/schema. */
export function readTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(SCHEMA_DIR + f, 'utf8'));
}

export interface YogaOptions {
  store: Store;
  /** GraphiQL in the browser at /graphql (default on). */
  graphiql?: boolean;
  /**
   * Access control, audit and request limits (docs/security.md). Required, so
   * access control is never off by omission: the real server passes
   * `mode: 'enabled'`; API tests pass `DISABLED_AUTH` explicitly.
   */
  auth: AuthOptions;
  /** Allowed cross-origin callers; default none (CORS closed). */
  corsOrigins?: string[];
}

/** The GraphQL server, separate from the listening HTTP server so tests can call `yoga.fetch`. */
export function createGraphQLServer({ store, graphiql = true, auth, corsOrigins = [] }: YogaOptions) {
  // Also for callers the type does not reach (JS, casts): no access settings, no server.
  if (!auth?.mode) throw new Error("createGraphQLServer: 'auth' is required ({ mode: 'enabled' | 'disabled' })");
  return createYoga<object, GraphQLContext>({
    schema: createSchema<GraphQLContext>({ typeDefs: readTypeDefs(), resolvers }),
    context: { store },
    graphiql,
    // GraphiQL's code comes from the product, not yoga's default CDN, so it works on an intranet.
    // Loaded on first use: the page inlines ~9 MB of editor code.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    cors: corsOrigins.length > 0 ? { origin: corsOrigins, credentials: true } : false,
    maskedErrors: { maskError },
    logging: serverLogger,
    plugins: [
      // Operations compiled to JavaScript once per document (graphql-jit), each with a serializer made for its shape:
      // an uncached neighbourhood of 2000 elements costs a third less CPU than with the interpreting executor.
      // First: the plugins below wrap the execution it sets (access, audit, coded errors, the response cache).
      useGraphQlJit(),
      EnvelopArmorPlugin({
        maxDepth: { n: 10 },
        maxAliases: { n: 15 },
        maxTokens: { n: 2000 },
        // The cost limit (and the per-client cost budget) is server/auth/cost-budget.ts.
        costLimit: { enabled: false },
      }),
      ...createSecurityPlugins(store, auth),
      inputLimitsPlugin(),
      // after the security plugins: access is decided before an answer is reused
      createResponseCachePlugin(store),
    ],
  });
}
