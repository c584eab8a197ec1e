import { responsibilityFor, unitOverview } from '../../services/responsibility/responsibility.ts';
import type { GraphQLContext } from '../context.ts';

export const responsibilityResolvers = {
  UnitDutyRole: { LEAD: 'lead', SUPPORT: 'support' },
  DutySource: { TASK: 'task', GAP: 'gap' },
  Query: {
    responsibility: (_: unknown, args: { nodeId: string }, { store }: GraphQLContext) => responsibilityFor(store, args.nodeId),
    unit: (_: unknown, args: { id: string }, { store }: GraphQLContext) => unitOverview(store, args.id),
  },
};
