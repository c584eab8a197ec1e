import { parseGapId } from '../../model/gap-kinds.ts';
import type { QueryRunner, Store } from '../../store/store.ts';
import { FieldNotFoundError } from '../enterprises/field-not-found.ts';
import { listSavedGaps, type SavedGap } from '../gaps/saved-gaps.ts';
import { areaScopeIds } from '../areas/area-scope.ts';
import { listProjects } from './projects.ts';
import type { Project } from './project-types.ts';

export interface GapRef {
  id: string;
  segmentId: string;
  areaId: string | null;
  status?: string | null;
}

/**
 * The leads and projects of a gap: those linked to it (FILLS) and those in its
 * segment and area (any area for a gap of the all-areas scope).
 */
export async function projectsForGap(runner: QueryRunner, gap: GapRef): Promise<Project[]> {
  const [all, areaIds] = await Promise.all([listProjects(runner), gap.areaId ? areaScopeIds(runner, gap.areaId) : null]);
  return projectsOfGap(gap, all, areaIds && new Set(areaIds));
}

/** projectsForGap among `projects` (listProjects' order), given the ids of the gap's area and the areas inside it (null: any area). */
export function projectsOfGap(gap: GapRef, projects: readonly Project[], areaIds: ReadonlySet<string> | null): Project[] {
  const linked = projects.filter((p) => p.gapIds.includes(gap.id));
  const inSegment = projects.filter((p) => p.segments.some((s) => s.id === gap.segmentId) && (areaIds === null || (p.area !== null && areaIds.has(p.area.id))));
  return [...new Map([...linked, ...inSegment].map((p) => [p.id, p])).values()];
}

/**
 * 已填补 is proposed, not set: a project of the gap's segment and area that
 * reached 投产 makes the gap a candidate for 已填补, and an editor confirms it
 * (one plant may not close a 强链 gap). Returns the producing projects behind
 * the proposal; empty when there is none or the gap is already closed.
 */
export function fillProposal(gap: GapRef, projects: readonly Project[]): Project[] {
  if (gap.status === 'filled' || gap.status === 'dismissed') return [];
  return projects.filter((p) => p.stage === 'producing' && p.segments.some((s) => s.id === gap.segmentId));
}

/**
 * The stored gap an id stands for: the Gap with that id, or for a detected
 * gap's id the saved gap of the same kind, segment and area (e.g. the one the
 * plan names, stored under its own id), as the analysis matches them. Null for
 * a detected gap nobody saved; NOT_FOUND for an id that is neither.
 */
export async function resolveGap(store: Store, gapId: string): Promise<{ saved: SavedGap | null; parsed: ReturnType<typeof parseGapId> }> {
  const [byId] = await listSavedGaps(store, { ids: [gapId] });
  if (byId) return { saved: byId, parsed: null };
  const parsed = parseGapId(gapId);
  if (!parsed) throw new FieldNotFoundError('Gap', gapId, 'gapId');
  const same = await listSavedGaps(store, { kinds: [parsed.kind], segmentIds: [parsed.segmentId], areaId: parsed.areaId });
  return { saved: same.find((g) => g.areaId === parsed.areaId) ?? null, parsed };
}

/** A gap's projects and fill proposal by id: a saved gap, or a detected one whose id names its segment and area. */
export async function gapProjects(runner: Store, gapId: string): Promise<{ gapId: string; projects: Project[]; fillProposedBy: Project[] }> {
  const { saved, parsed } = await resolveGap(runner, gapId);
  const gap: GapRef = saved ?? { id: gapId, segmentId: parsed!.segmentId, areaId: parsed!.areaId, status: 'open' };
  const projects = await projectsForGap(runner, gap);
  return { gapId, projects, fillProposedBy: fillProposal(gap, projects) };
}
