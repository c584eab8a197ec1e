import { STORED_ENUMS } from '../stored-enums.ts';
import { responsibilityFor, unitOverview } from '../../services/responsibility/responsibility.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

export const responsibilityResolvers: Resolvers = {
  UnitDutyRole: STORED_ENUMS.UnitDutyRole,
  DutySource: STORED_ENUMS.DutySource,
  Query: {
    responsibility: (_, args, { store }) => responsibilityFor(store, args.nodeId),
    unit: (_, args, { store }) => unitOverview(store, args.id),
  },
};
