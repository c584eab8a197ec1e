import { JSONResolver } from 'graphql-scalars';
import { healthFor } from '../../services/health/health.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

export const baseResolvers: Resolvers = {
  JSON: JSONResolver,
  Query: {
    health: (_, __, { store, auth }) => healthFor(store, auth ? auth.principal.role : 'admin'),
  },
};
