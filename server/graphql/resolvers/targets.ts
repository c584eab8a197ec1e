import { NotFoundError } from '../../errors.ts';
import { getTargetProgress, listTargetProgress, recordTargetProgress } from '../../services/targets/target-progress.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

export const targetResolvers: Resolvers = {
  Query: {
    targets: (_, args, { store }) => listTargetProgress(store, args.areaId ?? null),
    target: async (_, args, { store }) => {
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
    area: (t) => t.areas[0] ?? null,
    wholeId: (t) => t.wholeIds[0] ?? null,
  },
};
