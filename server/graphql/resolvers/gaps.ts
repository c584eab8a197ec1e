import type { GapKind, GapStatus } from '../../model/vocabulary.ts';
import { gapAnalysis } from '../../services/gaps/gap-analysis.ts';
import type { GapThresholds } from '../../services/gaps/classify-gaps.ts';
import { getSavedGap, listSavedGaps, saveGap, setGapStatus, type SaveGapInput } from '../../services/gaps/saved-gaps.ts';
import type { GraphQLContext } from '../context.ts';

type Ctx = GraphQLContext;

export const gapResolvers = {
  GapKind: { FILL: 'fill', EXTEND: 'extend', STRENGTHEN: 'strengthen' },
  GapStatus: { OPEN: 'open', IN_PROGRESS: 'in_progress', FILLED: 'filled', DISMISSED: 'dismissed' },
  GapOrigin: { PLAN: 'plan', ANALYSIS: 'analysis', USER: 'user' },
  Query: {
    gapAnalysis: (_: unknown, args: { chainId?: string | null; areaId?: string | null; thresholds?: Partial<GapThresholds> | null }, { store }: Ctx) =>
      gapAnalysis(store, args),
    gaps: (
      _: unknown,
      args: { status?: GapStatus[] | null; kind?: GapKind[] | null; chainId?: string | null; areaId?: string | null },
      { store }: Ctx,
    ) => listSavedGaps(store, { statuses: args.status, kinds: args.kind, chainId: args.chainId, areaId: args.areaId }),
    gap: (_: unknown, args: { id: string }, { store }: Ctx) => getSavedGap(store, args.id),
  },
  Mutation: {
    saveGap: (_: unknown, args: { input: SaveGapInput }, { store }: Ctx) => saveGap(store, args.input),
    setGapStatus: (
      _: unknown,
      args: { id: string; status: GapStatus; note?: string | null; leadUnitIds?: string[] | null; supportUnitIds?: string[] | null },
      { store }: Ctx,
    ) => setGapStatus(store, args),
  },
};
