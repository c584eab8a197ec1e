import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AccessError } from '../../server/auth/access-error.ts';
import { DomainError, NotFoundError, ValidationError } from '../../server/errors.ts';
import { maskError } from '../../server/graphql/errors.ts';

const masked = (e: Error) => {
  const out = maskError(new GraphQLError(e.message, { originalError: e })) as GraphQLError;
  return { message: out.message, extensions: out.extensions };
};

// One domain error (server/errors.ts) whose code the error mask understands, whichever layer threw it.
describe('maskError and DomainError', () => {
  it('answers every domain error with its message, code and field', () => {
    expect(masked(new NotFoundError('Segment', 'seg:x'))).toEqual({ message: "Segment 'seg:x' not found", extensions: { code: 'NOT_FOUND' } });
    expect(masked(new ValidationError('first must be between 1 and 200', 'first'))).toEqual({
      message: 'first must be between 1 and 200',
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
    expect(masked(new AccessError('FORBIDDEN', "mutation 'saveGap' needs role 'editor'"))).toEqual({
      message: "mutation 'saveGap' needs role 'editor'",
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('the services, auth and audit errors are all DomainErrors', () => {
    expect(new NotFoundError('Gap', 'g')).toBeInstanceOf(DomainError);
    expect(new ValidationError('bad')).toBeInstanceOf(DomainError);
    expect(new AccessError('UNAUTHENTICATED', 'sign in')).toBeInstanceOf(DomainError);
  });
});
