import type { QueryRunner } from '../../store/store.ts';

export interface PlanTask {
  id: string;
  no: number | null;
  name: string;
}

/** The plan's tasks as the graph holds them (18 with the Chaohu seed; none until a new city imports its own). */
export function planTasks(runner: QueryRunner): Promise<PlanTask[]> {
  return runner.run<PlanTask>('read/responsibility/plan-tasks');
}
