import { JSONResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/resolvers-types.ts';

export const baseResolvers: Resolvers = {
  JSON: JSONResolver,
  Query: {
    health: (_, __, { store }) => store.health(),
  },
};
