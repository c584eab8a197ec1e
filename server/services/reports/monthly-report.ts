import { PROJECT_STAGES, type ProjectStage } from '../../model/vocabulary.ts';
import type { Store } from '../../store/store.ts';
import { NotFoundError } from '../../errors.ts';
import { FieldNotFoundError } from '../enterprises/field-not-found.ts';
import { areaScopeIds } from '../areas/area-scope.ts';
import { listSavedGaps, type SavedGap } from '../gaps/saved-gaps.ts';
import { projectsOfGap } from '../projects/gap-projects.ts';
import { checkStalledDays } from '../projects/pipeline-board.ts';
import { conversionRates, type Rate } from '../projects/pipeline-rules.ts';
import { listProjects, projectEvents } from '../projects/projects.ts';
import type { Project, ProjectEvent, Ref } from '../projects/project-types.ts';
import { unitOverview } from '../responsibility/responsibility.ts';
import { listTargetProgress } from '../targets/target-progress.ts';
import type { TargetProgress } from '../targets/target-types.ts';
import { changesInMonth, effectiveDate, idleDays, reportMonth, stalledAt, stateAt, type ReportMonth } from './report-rules.ts';

/** A project in the report: as it stood at the report date. */
export interface ReportProject {
  project: Project;
  stage: ProjectStage;
  droppedFrom: ProjectStage | null;
  lastActivityAt: string;
  idleDays: number;
  stalled: boolean;
}

/** One stage change of the month (a new lead included). */
export interface ReportChange {
  project: Project;
  id: string;
  /** The stage date (the day it took effect). */
  date: string;
  /** When it was recorded. */
  at: string;
  actor: string;
  from: ProjectStage | null;
  to: ProjectStage | null;
  note: string | null;
}

export interface ReportStage {
  stage: ProjectStage;
  count: number;
  /** Σ investment (亿元) of the stage's projects whose investment is known. */
  investment: number;
  unknownInvestment: number;
}

/** An open gap (待解决 or 推进中) with its leads and projects. */
export interface ReportGap {
  gap: SavedGap;
  projects: Project[];
}

export interface MonthlyReport extends Omit<ReportMonth, 'asOfInstant'> {
  generatedAt: string;
  stalledDays: number;
  area: Ref | null;
  unit: Ref | null;
  /** Areas whose targets the report shows: the area asked, else the unit's area; null: the plan's whole targets with their parts. */
  targetAreaId: string | null;
  totalCount: number;
  stages: ReportStage[];
  /** Every project of the scope that existed at the report date, by stage then name. */
  projects: ReportProject[];
  changes: ReportChange[];
  /** Stalled at the report date, longest idle first. */
  stalled: ReportProject[];
  signedToStarted: Rate;
  startedToProducing: Rate;
  /** Target progress today (targets keep no history): whole targets followed by their parts, or one area's parts. */
  targets: TargetProgress[];
  gaps: ReportGap[];
}

export interface MonthlyReportArgs {
  /** YYYY-MM */
  month: string;
  areaId?: string | null;
  unitId?: string | null;
  stalledDays?: number | null;
  now?: Date;
}

const OPEN_GAP = new Set(['open', 'in_progress']);

/**
 * The monthly 调度 report for an area (with the areas PART_OF it), a unit
 * (its 招商 and 包保 projects, the gaps it answers for), both, or every local
 * area: projects by stage at the month's end (today for the month under way),
 * the month's stage changes, the projects stalled then, target progress and
 * the open gaps with their leads and projects. Rules: report-rules.ts.
 */
export async function monthlyReport(store: Store, args: MonthlyReportArgs): Promise<MonthlyReport> {
  const now = args.now ?? new Date();
  const period = reportMonth(args.month, now);
  const stalledDays = checkStalledDays(args.stalledDays);
  const areaId = args.areaId ?? null;
  const unitId = args.unitId ?? null;
  const [area, unit, scopeIds] = await Promise.all([
    areaId ? store.run<{ id: string; name: string }>('read/enterprises/area', { areaId }).then((rows) => rows[0] ?? null) : null,
    unitId
      ? unitOverview(store, unitId).catch((e: unknown) => {
          throw e instanceof NotFoundError ? new FieldNotFoundError('Unit', unitId, 'unitId') : e;
        })
      : null,
    areaId ? areaScopeIds(store, areaId).catch(() => null) : null,
  ]);
  if (areaId && (!area || !scopeIds)) throw new FieldNotFoundError('Area', areaId, 'areaId');
  const inScope = (gapAreaId: string | null) => scopeIds === null || (gapAreaId !== null && scopeIds.includes(gapAreaId));

  const all = await listProjects(store, { areaId, unitId });
  const events = all.length
    ? await projectEvents(
        store,
        all.map((p) => p.id),
      )
    : [];
  const byProject = new Map<string, ProjectEvent[]>();
  for (const e of events) byProject.set(e.projectId, [...(byProject.get(e.projectId) ?? []), e]);

  const projects: ReportProject[] = [];
  for (const project of all) {
    const history = byProject.get(project.id) ?? [];
    const state = history.length
      ? stateAt(history, period)
      : { stage: project.stage, droppedFrom: project.droppedFrom, lastActivity: project.lastActivityAt ?? project.createdAt ?? now.toISOString() };
    if (!state) continue;
    projects.push({ project, ...state, lastActivityAt: state.lastActivity, idleDays: idleDays(state, period), stalled: stalledAt(state, stalledDays, period) });
  }
  const stageOrder = (s: ProjectStage) => PROJECT_STAGES.indexOf(s);
  projects.sort(
    (a, b) => stageOrder(a.stage) - stageOrder(b.stage) || a.project.name.localeCompare(b.project.name, 'zh-CN') || a.project.id.localeCompare(b.project.id),
  );

  const named = new Map(all.map((p) => [p.id, p]));
  const changes = changesInMonth(events, period).map((e): ReportChange => ({
    project: named.get(e.projectId)!,
    id: e.id,
    date: effectiveDate(e),
    at: e.at,
    actor: e.actor,
    from: e.from,
    to: e.to,
    note: e.note,
  }));

  const stages = PROJECT_STAGES.map((stage): ReportStage => {
    const inStage = projects.filter((p) => p.stage === stage);
    return {
      stage,
      count: inStage.length,
      investment: inStage.reduce((sum, p) => sum + (p.project.investment ?? 0), 0),
      unknownInvestment: inStage.filter((p) => p.project.investment === null).length,
    };
  });

  const targetAreaId = areaId ?? unit?.areaId ?? null;
  const progress = await listTargetProgress(store, targetAreaId, now);
  const targets = targetAreaId ? progress : progress.flatMap((t) => [t, ...t.parts]);

  const openGaps = unit ? unit.openGaps : await listSavedGaps(store, { statuses: ['open', 'in_progress'] });
  // every project once (a gap's leads may lie outside the report's scope), each gap area's scope once
  const everyProject = await listProjects(store);
  const scopes = new Map<string, Set<string>>();
  const gaps: ReportGap[] = [];
  for (const gap of openGaps.filter((g) => OPEN_GAP.has(g.status) && inScope(g.areaId))) {
    if (gap.areaId && !scopes.has(gap.areaId)) scopes.set(gap.areaId, new Set(await areaScopeIds(store, gap.areaId)));
    gaps.push({ gap, projects: projectsOfGap(gap, everyProject, gap.areaId ? scopes.get(gap.areaId)! : null) });
  }

  return {
    month: period.month,
    from: period.from,
    to: period.to,
    asOf: period.asOf,
    generatedAt: now.toISOString(),
    stalledDays,
    area: area ? { id: area.id, name: area.name } : null,
    unit: unit ? { id: unit.id, name: unit.name } : null,
    targetAreaId,
    totalCount: projects.length,
    stages,
    projects,
    changes,
    stalled: projects.filter((p) => p.stalled).sort((a, b) => b.idleDays - a.idleDays || a.project.id.localeCompare(b.project.id)),
    ...conversionRates(projects),
    targets,
    gaps,
  };
}
