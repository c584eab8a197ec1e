import { chainOverview, feedsCycles } from '../../services/chains/chain-overview.ts';
import { listChains } from '../../services/chains/list-chains.ts';
import type { GraphQLContext } from '../context.ts';

export const chainResolvers = {
  Query: {
    chains: (_: unknown, __: unknown, { store }: GraphQLContext) => listChains(store),
    chainOverview: (_: unknown, args: { chainId?: string | null }, { store }: GraphQLContext) => chainOverview(store, args.chainId ?? null),
    feedsCycles: (_: unknown, args: { chainId?: string | null }, { store }: GraphQLContext) => feedsCycles(store, args.chainId ?? null),
  },
};
