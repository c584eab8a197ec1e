import { localAreas } from '../../services/areas/local-areas.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

export const areaResolvers: Resolvers = {
  Query: {
    localAreas: (_, __, { store }) => localAreas(store),
  },
};
