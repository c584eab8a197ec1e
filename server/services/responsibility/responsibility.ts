import { GAP_STATUSES } from '../../model/vocabulary.ts';
import type { Store } from '../../store/store.ts';
import { NotFoundError } from '../../errors.ts';
import { listSavedGaps, type SavedGap } from '../gaps/saved-gaps.ts';
import { chainDuties, taskDuties, uniqueDuties, type UnitDuty } from './duties.ts';

/** Lead and supporting units of one area. */
export interface AreaResponsibility {
  areaId: string | null;
  leads: UnitDuty[];
  supports: UnitDuty[];
}

export interface Responsibility {
  nodeId: string;
  kind: 'Gap' | 'Chain' | 'Task' | 'Unit';
  name: string | null;
  areas: AreaResponsibility[];
}

function byArea(duties: UnitDuty[]): AreaResponsibility[] {
  const areas = new Map<string | null, AreaResponsibility>();
  for (const d of uniqueDuties(duties)) {
    const a = areas.get(d.areaId) ?? { areaId: d.areaId, leads: [], supports: [] };
    (d.role === 'lead' ? a.leads : a.supports).push(d);
    areas.set(d.areaId, a);
  }
  return [...areas.values()];
}

/**
 * Who is responsible for a gap, chain, task or unit, per area. For a gap: the
 * units saved on it (RESPONSIBLE_FOR) first, then the units of the tasks that
 * develop its chain in its area. For a unit: its own duties.
 */
export async function responsibilityFor(store: Store, nodeId: string): Promise<Responsibility> {
  const [found] = await store.run<{ kind: Responsibility['kind'] | null; name: string | null }>('read/responsibility/node-kind', { nodeId });
  if (!found?.kind) throw new NotFoundError('Gap, Chain, Task or Unit', nodeId);
  let duties: UnitDuty[] = [];
  let name = found.name;
  if (found.kind === 'Gap') {
    const gap = (await listSavedGaps(store, { ids: [nodeId] }))[0]!;
    name = gap.segmentName;
    duties = gap.responsible.map((r) => ({
      ...r,
      areaId: gap.areaId,
      taskId: gap.taskId,
      taskNo: null,
      taskName: gap.taskName,
      chainId: gap.chainId,
      via: 'gap' as const,
    }));
    if (gap.chainId) duties.push(...((await chainDuties(store, [gap.chainId], gap.areaId)).get(gap.chainId) ?? []));
  } else if (found.kind === 'Chain') {
    duties = (await chainDuties(store, [nodeId], null)).get(nodeId) ?? [];
  } else if (found.kind === 'Task') {
    duties = await taskDuties(store, [nodeId], null);
  } else {
    duties = (await unitDuties(store, nodeId)).duties;
  }
  return { nodeId, kind: found.kind, name, areas: byArea(duties) };
}

export interface UnitOverview {
  id: string;
  name: string;
  areaId: string | null;
  duties: UnitDuty[];
  chains: { id: string; name: string }[];
  /** Saved gaps (open or in_progress) in the chains its tasks develop, for the areas of its duties, and gaps it is RESPONSIBLE_FOR. */
  openGaps: SavedGap[];
}

interface UnitRow {
  unitId: string;
  unitName: string;
  unitAreaId: string | null;
  taskId: string | null;
  taskNo: number | null;
  taskName: string | null;
  areaId: string | null;
  role: 'lead' | 'support' | null;
  chains: { id: string; name: string }[];
}

async function unitDuties(store: Store, unitId: string) {
  const rows = await store.run<UnitRow>('read/responsibility/unit-duties', { unitId });
  if (rows.length === 0) throw new NotFoundError('Unit', unitId);
  const duties: UnitDuty[] = rows
    .filter((r) => r.taskId && r.role)
    .map((r) => ({
      unitId: r.unitId,
      unitName: r.unitName,
      role: r.role!,
      areaId: r.areaId,
      taskId: r.taskId,
      taskNo: r.taskNo,
      taskName: r.taskName,
      chainId: null,
      via: 'task' as const,
    }));
  return { rows, duties };
}

/** A unit's tasks, the chains they touch and the open gaps there: the planner's to-do list for that unit. */
export async function unitOverview(store: Store, unitId: string): Promise<UnitOverview> {
  const { rows, duties } = await unitDuties(store, unitId);
  const chains = new Map<string, { id: string; name: string }>();
  const chainAreas = new Set<string>();
  for (const r of rows) {
    for (const c of r.chains ?? []) {
      if (!c?.id) continue;
      chains.set(c.id, c);
      chainAreas.add(`${c.id}|${r.areaId}`);
    }
  }
  const open = GAP_STATUSES.filter((s) => s === 'open' || s === 'in_progress');
  const gaps = await listSavedGaps(store, { statuses: [...open] });
  const openGaps = gaps.filter(
    (g) =>
      g.responsible.some((r) => r.unitId === unitId) ||
      (g.chainId !== null && (chainAreas.has(`${g.chainId}|${g.areaId}`) || (g.areaId === null && chains.has(g.chainId)))),
  );
  return {
    id: rows[0]!.unitId,
    name: rows[0]!.unitName,
    areaId: rows[0]!.unitAreaId,
    duties,
    chains: [...chains.values()],
    openGaps,
  };
}
