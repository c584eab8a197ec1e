import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serverLogger } from '../../server/graphql/errors.ts';
import { NotFoundError, ValidationError } from '../../server/errors.ts';

describe('serverLogger', () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  afterEach(() => logged.mockClear());

  it('keeps errors clients caused out of the server log', () => {
    serverLogger.error(new GraphQLError('bad', { originalError: new ValidationError('first must be between 1 and 200', 'first') }));
    serverLogger.error(new GraphQLError('missing', { originalError: new NotFoundError('Segment', 'seg:nope') }));
    serverLogger.error(new GraphQLError('Syntax Error: Expected Name, found <EOF>.'));
    expect(logged).not.toHaveBeenCalled();
  });

  it('logs what went wrong on our side', () => {
    const failure = new GraphQLError('Internal error', { originalError: new Error('disk full') });
    serverLogger.error(failure);
    expect(logged).toHaveBeenCalledWith(failure);
  });
});
