/** Expected failures a user can fix; the GraphQL layer maps them to error codes. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`${kind} '${id}' not found`);
  }
}

/** Bad input: the message names the field (and row, for files) and what is wrong. */
export class ValidationError extends Error {
  override name = 'ValidationError';
  readonly code = 'BAD_USER_INPUT';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
