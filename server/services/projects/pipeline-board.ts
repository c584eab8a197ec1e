import { PROJECT_STAGES, type ProjectStage } from '../../model/vocabulary.ts';
import type { QueryRunner } from '../../store/store.ts';
import { ValidationError } from '../../errors.ts';
import { conversionRates, isStalled, type Rate } from './pipeline-rules.ts';
import { listProjects } from './projects.ts';
import type { Project, ProjectFilter } from './project-types.ts';

/** Days without a stage change or note after which an open project is stalled; PIPELINE_STALLED_DAYS overrides the default 30. */
export function defaultStalledDays(): number {
  const env = Number(process.env.PIPELINE_STALLED_DAYS);
  return Number.isInteger(env) && env > 0 ? env : 30;
}

export function checkStalledDays(days: number | null | undefined): number {
  const value = days ?? defaultStalledDays();
  if (!Number.isInteger(value) || value < 1 || value > 3650)
    throw new ValidationError(`stalledDays: must be a whole number of days from 1 to 3650 (got ${value})`, 'stalledDays');
  return value;
}

export interface BoardColumn {
  stage: ProjectStage;
  count: number;
  /** Σ investment (亿元) of the column's projects whose investment is known. */
  investment: number;
  /** Projects of the column whose investment is unknown (not counted in `investment`). */
  unknownInvestment: number;
  stalled: number;
  /** The column's first `perStage` projects, most recently active first. */
  projects: Project[];
}

export interface PipelineBoard {
  columns: BoardColumn[];
  totalCount: number;
  stalledDays: number;
  /** Open projects without a stage change or note for `stalledDays` days, longest idle first. */
  stalled: Project[];
}

/** The pipeline board: projects by stage with the board's filters (area, chain, unit, stage, amount band). */
export async function pipelineBoard(
  runner: QueryRunner,
  filter: ProjectFilter,
  options: { perStage?: number | null; stalledDays?: number | null; now?: Date } = {},
): Promise<PipelineBoard> {
  const perStage = options.perStage ?? 50;
  if (!Number.isInteger(perStage) || perStage < 0 || perStage > 500)
    throw new ValidationError(`perStage: must be an integer from 0 to 500 (got ${perStage})`, 'perStage');
  const stalledDays = checkStalledDays(options.stalledDays);
  const now = options.now ?? new Date();
  const projects = await listProjects(runner, filter);
  const stalledIds = new Set(projects.filter((p) => isStalled(p, stalledDays, now)).map((p) => p.id));
  const stages = filter.stages?.length ? PROJECT_STAGES.filter((s) => filter.stages!.includes(s)) : PROJECT_STAGES;
  const columns = stages.map((stage): BoardColumn => {
    const inStage = projects.filter((p) => p.stage === stage);
    return {
      stage,
      count: inStage.length,
      investment: inStage.reduce((sum, p) => sum + (p.investment ?? 0), 0),
      unknownInvestment: inStage.filter((p) => p.investment === null).length,
      stalled: inStage.filter((p) => stalledIds.has(p.id)).length,
      projects: inStage.slice(0, perStage),
    };
  });
  const stalled = projects
    .filter((p) => stalledIds.has(p.id))
    .sort((a, b) => (a.lastActivityAt ?? a.createdAt ?? '').localeCompare(b.lastActivityAt ?? b.createdAt ?? ''));
  return { columns, totalCount: projects.length, stalledDays, stalled };
}

/** 签约落地转化率 and 投产达效率 of the projects in an area scope (all when null). */
export async function projectIndicators(
  runner: QueryRunner,
  areaId: string | null,
): Promise<{ areaId: string | null; signedToStarted: Rate; startedToProducing: Rate }> {
  return { areaId, ...conversionRates(await listProjects(runner, { areaId })) };
}
