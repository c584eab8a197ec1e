import { STORED_ENUMS } from '../stored-enums.ts';
import { gapAnalysis } from '../../services/gaps/gap-analysis.ts';
import { getSavedGap, listSavedGaps, saveGap, setGapStatus } from '../../services/gaps/saved-gaps.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

export const gapResolvers: Resolvers = {
  GapKind: STORED_ENUMS.GapKind,
  GapStatus: STORED_ENUMS.GapStatus,
  GapOrigin: STORED_ENUMS.GapOrigin,
  Query: {
    gapAnalysis: (_, args, { store }) => gapAnalysis(store, args),
    gaps: (_, args, { store }) => listSavedGaps(store, { statuses: args.status, kinds: args.kind, chainId: args.chainId, areaId: args.areaId }),
    gap: (_, args, { store }) => getSavedGap(store, args.id),
  },
  Mutation: {
    saveGap: (_, args, { store }) => saveGap(store, args.input),
    setGapStatus: (_, args, { store }) => setGapStatus(store, args),
  },
};
