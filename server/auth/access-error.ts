import { GraphQLError } from 'graphql';
import { DomainError } from '../errors.ts';

export type AccessCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'RATE_LIMITED';

/** Refused for who the caller is (or how often they call); the message names the operation and the role needed. */
export class AccessError extends DomainError {
  override name = 'AccessError';
  declare readonly code: AccessCode;
  constructor(code: AccessCode, message: string) {
    super(code, message);
  }
}

/**
 * The client-facing error for an AccessError. Built with this module's own
 * `graphql` so the error mask (server/graphql/errors.ts) recognises it even
 * where two copies of graphql are loaded (vitest inlines ESM, yoga loads CJS).
 */
export function accessGraphQLError(error: AccessError, from?: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, { path: from?.path, nodes: from?.nodes, extensions: { code: error.code } });
}

/** Replaces errors thrown as AccessError in resolvers by their coded form. */
export function codeAccessErrors(errors: readonly GraphQLError[] | undefined): GraphQLError[] | undefined {
  return errors?.map((e) => (e.originalError instanceof AccessError ? accessGraphQLError(e.originalError, e) : e));
}
