import { rankSupplierCandidates } from '../../services/suppliers/rank-supplier-candidates.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

export const supplierResolvers: Resolvers = {
  Query: {
    supplierCandidates: (_, args, { store }) => rankSupplierCandidates(store, args),
  },
};
