import { localAreas } from '../../services/areas/local-areas.ts';
import { planTasks } from '../../services/responsibility/plan-tasks.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

/** What the deployment's own data says the UI shows: its areas and its plan's tasks (nothing hard-coded in the client). */
export const areaResolvers: Resolvers = {
  Query: {
    localAreas: (_, __, { store }) => localAreas(store),
    planTasks: (_, __, { store }) => planTasks(store),
  },
};
