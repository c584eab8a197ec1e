import { PROJECT_STAGES, type ProjectStage } from '../../model/vocabulary.ts';
import type { Project } from './project-types.ts';

/** The forward stages in order; 终止 dropped is outside the order. */
export const STAGE_ORDER: readonly ProjectStage[] = PROJECT_STAGES.filter((s) => s !== 'dropped');

/** Stage names as the plan and the reports write them. */
export const STAGE_ZH: Record<ProjectStage, string> = {
  lead: '线索',
  negotiating: '洽谈',
  signed: '签约',
  started: '开工',
  producing: '投产',
  dropped: '终止',
};

/** The property holding the date a stage was reached. */
export const STAGE_DATE_FIELD: Record<ProjectStage, keyof Project> = {
  lead: 'leadAt',
  negotiating: 'negotiatingAt',
  signed: 'signedAt',
  started: 'startedAt',
  producing: 'producingAt',
  dropped: 'droppedAt',
};

/** Position in the forward order; a dropped project counts at the stage it had reached. */
export function stageRank(p: Pick<Project, 'stage' | 'droppedFrom'>): number {
  const stage = p.stage === 'dropped' ? p.droppedFrom : p.stage;
  return stage ? STAGE_ORDER.indexOf(stage) : -1;
}

/** Whether a project ever reached `stage` (a project at 开工 has been 签约 even when that date is unknown). */
export function reached(p: Pick<Project, 'stage' | 'droppedFrom'>, stage: ProjectStage): boolean {
  return stageRank(p) >= STAGE_ORDER.indexOf(stage);
}

/** Days between an ISO timestamp or date and `now`. */
export function daysSince(iso: string, now: Date): number {
  return Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000);
}

/**
 * Stalled: an open project (not 投产, not 终止) without a stage change or a note
 * for `days` days or more, counting from its last activity (or creation).
 */
export function isStalled(p: Pick<Project, 'stage' | 'lastActivityAt' | 'createdAt'>, days: number, now: Date): boolean {
  if (p.stage === 'producing' || p.stage === 'dropped') return false;
  const last = p.lastActivityAt ?? p.createdAt;
  return last !== null && daysSince(last, now) >= days;
}

export interface Rate {
  /** numerator ÷ denominator; null (unknown) when the denominator is 0. */
  value: number | null;
  numerator: number;
  denominator: number;
}

function rate(numerator: number, denominator: number): Rate {
  return { value: denominator === 0 ? null : numerator / denominator, numerator, denominator };
}

/**
 * 签约落地转化率: of the projects that reached 签约, the share that reached 开工.
 * 投产达效率: of the projects that reached 开工, the share that reached 投产.
 * Dropped projects count at the stage they had reached (a signed project that
 * was dropped lowers the first rate, as it should).
 */
export function conversionRates(projects: readonly Pick<Project, 'stage' | 'droppedFrom'>[]): { signedToStarted: Rate; startedToProducing: Rate } {
  const signed = projects.filter((p) => reached(p, 'signed'));
  const started = projects.filter((p) => reached(p, 'started'));
  return {
    signedToStarted: rate(started.length, signed.length),
    startedToProducing: rate(started.filter((p) => reached(p, 'producing')).length, started.length),
  };
}

/** The year a project was 招引 (signed): its 签约 date, else the first later stage date; null when none is known. */
export function signedYear(p: Pick<Project, 'signedAt' | 'startedAt' | 'producingAt'>): number | null {
  const date = p.signedAt ?? p.startedAt ?? p.producingAt;
  return date ? Number(date.slice(0, 4)) : null;
}

/**
 * Projects that count for a 招引 project-count target (累计招引亿元以上工业项目 and
 * the like): investment ≥ `minInvestment` 亿元, reached 签约, not dropped, and
 * signed within the plan period (from `since` to `until`, ISO dates; a project
 * whose signing year is unknown counts, in the unknown year). A project with
 * unknown investment never counts: unknown is not "≥ 1亿元".
 */
export function countsForProjectTarget(
  p: Pick<Project, 'stage' | 'droppedFrom' | 'investment' | 'signedAt' | 'startedAt' | 'producingAt'>,
  minInvestment: number,
  since: string,
  until: string,
): boolean {
  if (p.stage === 'dropped' || !reached(p, 'signed')) return false;
  if (p.investment === null || p.investment < minInvestment) return false;
  const date = p.signedAt ?? p.startedAt ?? p.producingAt;
  return date === null || (date >= since && date <= until);
}

/** Share of the plan period [start, deadline] elapsed at `now`, 0–1: the ratio a target on pace has reached. */
export function expectedPace(start: string, deadline: string, now: Date): number {
  const from = new Date(`${start}T00:00:00Z`).getTime();
  const to = new Date(`${deadline}T23:59:59Z`).getTime();
  return Math.min(1, Math.max(0, (now.getTime() - from) / (to - from)));
}
