import { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { DomainError } from '../errors.ts';
import { LimitError } from '../services/limits/work-limits.ts';
import { StoreError } from '../store/store.ts';

/**
 * Turns an error thrown below the API into what a client may see: domain errors
 * (server/errors.ts) keep their message with their code and field; anything else (engine, driver, bugs) becomes
 * INTERNAL with no stack trace and no Cypher text.
 */
export function maskError(error: unknown): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) {
    const field = original.field ? { field: original.field } : {};
    const retry = original instanceof LimitError ? { retryAfterSeconds: original.retryAfterSeconds } : {};
    return createGraphQLError(original.message, {
      extensions: { code: original.code, ...field, ...retry },
      path: error instanceof GraphQLError ? error.path : undefined,
    });
  }
  if (original instanceof StoreError && /time(d)?[ _-]?out/i.test(original.message)) {
    // The engine's own time limit: the caller asked too much, the server is fine.
    return createGraphQLError(`query '${original.queryName}' took too long and was stopped: narrow it down and retry`, {
      extensions: { code: 'TIMEOUT' },
      path: error instanceof GraphQLError ? error.path : undefined,
    });
  }
  if (original instanceof GraphQLError) {
    // Parse, validation and input-coercion errors from graphql-js itself carry no secrets.
    return createGraphQLError(original.message, {
      extensions: { ...original.extensions, code: (original.extensions?.code as string | undefined) ?? 'BAD_USER_INPUT' },
      nodes: original.nodes,
      source: original.source,
      positions: original.positions,
      path: original.path,
    });
  }
  console.error(original);
  return createGraphQLError('Internal error', { extensions: { code: 'INTERNAL' } });
}

/** An error a client caused and was told about: nothing for the server log. */
function isExpected(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  const original = error.originalError;
  return !original || original instanceof GraphQLError || typeof (original as { code?: unknown }).code === 'string';
}

/**
 * Yoga's logger, minus the errors clients caused (bad input, unknown ids,
 * refused access, parse errors), which yoga would log with a stack trace each.
 * Unexpected errors are still logged, by maskError.
 */
export const serverLogger = {
  debug: () => undefined,
  info: (...args: unknown[]) => console.info(...args),
  warn: (...args: unknown[]) => console.warn(...args),
  error: (...args: unknown[]) => {
    if (args.length === 1 && isExpected(args[0])) return;
    console.error(...args);
  },
};
