/**
 * Expected failures a user can fix, from any layer (services, auth, audit, CLI).
 * The GraphQL error mask (server/graphql/errors.ts) answers a DomainError with its
 * message, its `code` and, when known, the input `field`; anything else is INTERNAL.
 */
export type DomainErrorCode = 'NOT_FOUND' | 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'RATE_LIMITED' | 'BUSY' | 'TIMEOUT';

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The input field at fault, when one is. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  declare readonly code: 'NOT_FOUND';
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super('NOT_FOUND', `${kind} '${id}' not found`);
  }
}

/** Bad input: the message names the field (and row, for files) and what is wrong. */
export class ValidationError extends DomainError {
  override name = 'ValidationError';
  declare readonly code: 'BAD_USER_INPUT';
  constructor(message: string, field?: string) {
    super('BAD_USER_INPUT', message, field);
  }
}
