import type { Store } from '../../store/store.ts';

/** One unit's duty on one task for one area: 责任单位 (`lead`) or 配合单位 (`support`). */
export interface UnitDuty {
  unitId: string;
  unitName: string;
  role: 'lead' | 'support';
  areaId: string | null;
  taskId: string | null;
  taskNo: number | null;
  taskName: string | null;
  /** Chain the task develops, when the duty was found through a chain. */
  chainId: string | null;
  /** `task`: from LEADS/SUPPORTS of a task; `gap`: a RESPONSIBLE_FOR edge on a saved gap. */
  via: 'task' | 'gap';
}

interface DutyRow {
  chainId?: string;
  taskId: string;
  taskNo: number | null;
  taskName: string | null;
  areaId: string | null;
  role: 'lead' | 'support';
  unitId: string;
  unitName: string;
}

function toDuty(r: DutyRow): UnitDuty {
  return {
    unitId: r.unitId,
    unitName: r.unitName,
    role: r.role,
    areaId: r.areaId,
    taskId: r.taskId,
    taskNo: r.taskNo,
    taskName: r.taskName,
    chainId: r.chainId ?? null,
    via: 'task',
  };
}

/** Duties on the tasks that DEVELOP each chain, in one query for all chains; `areaId` null = every area. */
export async function chainDuties(store: Store, chainIds: string[], areaId: string | null): Promise<Map<string, UnitDuty[]>> {
  const byChain = new Map<string, UnitDuty[]>(chainIds.map((id) => [id, []]));
  if (chainIds.length === 0) return byChain;
  const rows = await store.run<DutyRow & { chainId: string }>('read/responsibility/chain-duties', { chainIds, areaId });
  for (const r of rows) byChain.get(r.chainId)?.push(toDuty(r));
  return byChain;
}

export async function taskDuties(store: Store, taskIds: string[], areaId: string | null): Promise<UnitDuty[]> {
  if (taskIds.length === 0) return [];
  const rows = await store.run<DutyRow>('read/responsibility/task-duties', { taskIds, areaId });
  return rows.map(toDuty);
}

/** Same unit, role, area and task listed once (a unit may reach a task through two chains of one segment). */
export function uniqueDuties(duties: UnitDuty[]): UnitDuty[] {
  const seen = new Set<string>();
  return duties.filter((d) => {
    const key = `${d.via}|${d.unitId}|${d.role}|${d.areaId}|${d.taskId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
