import { JSONResolver } from 'graphql-scalars';
import { healthFor } from '../../services/health/health.ts';
import type { GraphQLContext } from '../context.ts';

export const baseResolvers = {
  JSON: JSONResolver,
  Query: {
    health: (_: unknown, __: unknown, { store, auth }: GraphQLContext) => healthFor(store, auth ? auth.principal.role : 'admin'),
  },
};
