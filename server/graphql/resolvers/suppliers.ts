import { rankSupplierCandidates, type CandidateFilter, type CandidateWeights } from '../../services/suppliers/rank-supplier-candidates.ts';
import type { GraphQLContext } from '../context.ts';

export const supplierResolvers = {
  Query: {
    supplierCandidates: (
      _: unknown,
      args: {
        segmentId?: string | null;
        gapId?: string | null;
        areaId?: string | null;
        weights?: Partial<CandidateWeights> | null;
        filter?: CandidateFilter | null;
        first?: number | null;
        after?: string | null;
      },
      { store }: GraphQLContext,
    ) => rankSupplierCandidates(store, args),
  },
};
