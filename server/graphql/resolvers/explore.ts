import { neighbourhood, type NeighbourhoodFilter } from '../../services/explore/neighbourhood.ts';
import { search } from '../../services/explore/search.ts';
import { shortestPath } from '../../services/explore/shortest-path.ts';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../context.ts';
import { selects } from '../selection.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

export const exploreResolvers: Resolvers = {
  Query: {
    search: async (_, args, { store }) =>
      (await search(store, args.text, { labels: args.kinds, limit: args.limit })).map((hit) => ({ ...hit, kind: hit.label })),
    neighbourhood: (
      _: unknown,
      args: { id: string; depth?: number | null; filter?: NeighbourhoodFilter | null; limit?: number | null },
      { store }: GraphQLContext,
      info: GraphQLResolveInfo,
    ) =>
      neighbourhood(store, args.id, {
        depth: args.depth,
        filter: args.filter,
        limit: args.limit,
        properties: { nodes: selects(info, ['nodes', 'properties']), edges: selects(info, ['edges', 'properties']) },
      }),
    shortestPath: (_, args, { store }) => shortestPath(store, args.fromId, args.toId),
  },
};
