import { NotFoundError } from '../../errors.ts';
import { getTargetProgress, listTargetProgress, recordTargetProgress } from '../../services/targets/target-progress.ts';
import type { TargetRecord } from '../../services/targets/target-types.ts';
import type { GraphQLContext } from '../context.ts';

export const targetResolvers = {
  Query: {
    targets: (_: unknown, args: { areaId?: string | null }, { store }: GraphQLContext) => listTargetProgress(store, args.areaId ?? null),
    target: async (_: unknown, args: { id: string }, { store }: GraphQLContext) => {
      try {
        return await getTargetProgress(store, args.id);
      } catch (e) {
        if (e instanceof NotFoundError) return null;
        throw e;
      }
    },
  },
  Mutation: {
    recordTargetProgress: (
      _: unknown,
      args: { targetId: string; value: number; date: string; source?: string | null; note?: string | null },
      { store }: GraphQLContext,
    ) => recordTargetProgress(store, args),
  },
  Target: {
    area: (t: TargetRecord) => t.areas[0] ?? null,
    wholeId: (t: TargetRecord) => t.wholeIds[0] ?? null,
  },
};
