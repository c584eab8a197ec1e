import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createSchema, createYoga } from 'graphql-yoga';
import { DISABLED_AUTH, type AuthOptions } from '../auth/auth-options.ts';
import { createSecurityPlugins } from '../auth/security-plugin.ts';
import type { Store } from '../store/store.ts';
import type { GraphQLContext } from './context.ts';
import { maskError, serverLogger } from './errors.ts';
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
   * Access control, audit and request limits (docs/security.md). Default
   * `{ mode: 'disabled' }`: every caller is an admin, for API tests; the real
   * server passes `mode: 'enabled'`.
   */
  auth?: AuthOptions;
  /** Allowed cross-origin callers; default none (CORS closed). */
  corsOrigins?: string[];
}

/** The GraphQL server, separate from the listening HTTP server so tests can call `yoga.fetch`. */
export function createGraphQLServer({ store, graphiql = true, auth = DISABLED_AUTH, corsOrigins = [] }: YogaOptions) {
  return createYoga<object, GraphQLContext>({
    schema: createSchema<GraphQLContext>({ typeDefs: readTypeDefs(), resolvers }),
    context: { store },
    graphiql,
    cors: corsOrigins.length > 0 ? { origin: corsOrigins, credentials: true } : false,
    maskedErrors: { maskError },
    logging: serverLogger,
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: 10 },
        maxAliases: { n: 15 },
        maxTokens: { n: 2000 },
        costLimit: { maxCost: 5000 },
      }),
      ...createSecurityPlugins(store, auth),
      // after the security plugins: access is decided before an answer is reused
      createResponseCachePlugin(store),
    ],
  });
}
