import { chainOverview, feedsCycles } from '../../services/chains/chain-overview.ts';
import { listChains } from '../../services/chains/list-chains.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

export const chainResolvers: Resolvers = {
  Query: {
    chains: (_, __, { store }) => listChains(store),
    chainOverview: (_, args, { store }) => chainOverview(store, args.chainId ?? null),
    feedsCycles: (_, args, { store }) => feedsCycles(store, args.chainId ?? null),
  },
};
