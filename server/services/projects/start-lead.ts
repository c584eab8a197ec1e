import type { Store } from '../../store/store.ts';
import { ValidationError } from '../../errors.ts';
import { FieldNotFoundError } from '../enterprises/field-not-found.ts';
import { saveGap, setGapStatus, type SavedGap } from '../gaps/saved-gaps.ts';
import { resolveGap } from './gap-projects.ts';
import { createProject, listProjects, type Clock } from './projects.ts';
import type { Project } from './project-types.ts';

export interface StartLeadInput {
  /** The candidate enterprise (the investor); omit for a lead from a gap alone. */
  enterpriseId?: string | null;
  /** A saved gap, or a detected one (`gap:<kind>:<segmentId>:<areaId|all>`), which is saved first. */
  gapId?: string | null;
  /** Needed when the gap is of the all-areas scope or there is no gap. */
  areaId?: string | null;
  segmentId?: string | null;
  name?: string | null;
}

/** The stored gap of an id; a detected gap nobody saved is saved first, as the analysis found it. */
async function gapOf(store: Store, gapId: string): Promise<SavedGap> {
  const { saved, parsed } = await resolveGap(store, gapId);
  return saved ?? saveGap(store, { ...parsed!, origin: 'analysis' });
}

async function enterpriseName(store: Store, id: string): Promise<string> {
  const [row] = await store.run<{ enterprises: { id: string; name: string }[] }>('read/projects/lookup-ids', {
    areaIds: [],
    parkIds: [],
    enterpriseIds: [id],
    unitIds: [],
    segmentIds: [],
    chainIds: [],
    gapIds: [],
  });
  const found = row?.enterprises.find((e) => e.id === id);
  if (!found) throw new FieldNotFoundError('Enterprise', id, 'enterpriseId');
  return found.name;
}

/**
 * Starts a 线索 where the work starts: from a supplier candidate of a gap (one
 * click: the candidate is the investor, the gap's segment, chain, area and lead
 * unit carry over), from a gap alone, or from an enterprise and an area. An
 * open gap moves to in_progress. Clicking again for the same investor and gap
 * returns the lead already started instead of a duplicate.
 */
export async function startLead(store: Store, input: StartLeadInput, actor: string, options: { clock?: Clock } = {}): Promise<Project> {
  if (!input.enterpriseId && !input.gapId) throw new ValidationError('gapId: give a gap, a candidate enterprise (enterpriseId), or both', 'gapId');
  const gap = input.gapId ? await gapOf(store, input.gapId) : null;
  const areaId = gap?.areaId ?? input.areaId ?? null;
  if (!areaId) throw new ValidationError('areaId: the gap is for all areas; say which area the project would land in', 'areaId');
  if (gap) {
    const open = await listProjects(store, { gapId: gap.id });
    const same = open.find((p) => p.stage !== 'dropped' && (p.investor?.id ?? null) === (input.enterpriseId ?? null));
    if (same) return same;
  }
  const segmentIds = gap ? [gap.segmentId] : input.segmentId ? [input.segmentId] : [];
  const investorName = input.enterpriseId ? await enterpriseName(store, input.enterpriseId) : null;
  const name = input.name?.trim() || [investorName, gap?.segmentName].filter(Boolean).join(' · ') + (investorName ? '' : ' 招商线索');
  const leadUnit = gap?.responsible.find((u) => u.role === 'lead');
  const project = await createProject(
    store,
    {
      name,
      investorId: input.enterpriseId ?? null,
      areaId,
      segmentIds,
      chainIds: gap?.chainId ? [gap.chainId] : [],
      gapIds: gap ? [gap.id] : [],
      leadUnitId: leadUnit?.unitId ?? null,
    },
    actor,
    options,
  );
  if (gap && gap.status === 'open') await setGapStatus(store, { id: gap.id, status: 'in_progress' });
  return project;
}
