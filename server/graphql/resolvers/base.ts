import { JSONResolver } from 'graphql-scalars';
import type { GraphQLContext } from '../context.ts';

export const baseResolvers = {
  JSON: JSONResolver,
  Query: {
    health: (_: unknown, __: unknown, { store }: GraphQLContext) => store.health(),
  },
};
