import type { ProjectStage } from '../../model/vocabulary.ts';
import { ValidationError } from '../../errors.ts';
import type { ProjectEvent } from '../projects/project-types.ts';

/**
 * The rules of the monthly 调度 report (docs/pipeline.md, “Monthly report”):
 * which month a change belongs to, a project's stage at the report date, and
 * whether it was stalled then. Pure functions, so the rules are tested alone.
 */

/** Timestamps (ISO, UTC) are read in China time: a note at 2026-11-30T17:00Z (01:00 on 1 Dec in Beijing) is a December note. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export interface ReportMonth {
  /** YYYY-MM */
  month: string;
  /** First and last day of the month, ISO dates. */
  from: string;
  to: string;
  /** The date the report stands for: the month's last day, or today for the month under way. */
  asOf: string;
  /** The instant the report stands for (stalled is measured to it): the month's last moment in China time, or now. */
  asOfInstant: Date;
}

/** The China-time date (YYYY-MM-DD) of an ISO timestamp or date. */
export function chinaDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return new Date(new Date(iso).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Checks `month` (YYYY-MM) and gives its first and last day and the report date; a month not yet begun is refused. */
export function reportMonth(month: string, now: Date): ReportMonth {
  const m = /^(\d{4})-(\d{2})$/.exec(month.trim());
  const mm = m ? Number(m[2]) : 0;
  if (!m || mm < 1 || mm > 12) throw new ValidationError(`month: '${month}' is not a month; write YYYY-MM, e.g. 2026-11`, 'month');
  const year = Number(m[1]);
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  const from = `${m[1]}-${m[2]}-01`;
  const to = `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}`;
  const today = chinaDate(now.toISOString());
  if (from > today) throw new ValidationError(`month: ${month} has not begun (today is ${today})`, 'month');
  if (to >= today) return { month: `${m[1]}-${m[2]}`, from, to, asOf: today, asOfInstant: now };
  // the last millisecond of the month in China time
  return { month: `${m[1]}-${m[2]}`, from, to, asOf: to, asOfInstant: new Date(Date.UTC(year, mm, 1) - CHINA_OFFSET_MS - 1) };
}

/** The date a change took effect: the stage date it was given, else the China-time date it was recorded. */
export function effectiveDate(e: Pick<ProjectEvent, 'date' | 'at'>): string {
  return e.date ?? chinaDate(e.at);
}

const isStageEvent = (e: Pick<ProjectEvent, 'kind'>) => e.kind === 'created' || e.kind === 'stage';

/**
 * This month's changes: the stage changes (a new lead or project included,
 * a move back or to 终止 too) whose stage date falls in the month, however
 * late they were recorded. Notes are activity, not changes.
 */
export function changesInMonth<E extends Pick<ProjectEvent, 'kind' | 'date' | 'at' | 'id'>>(
  events: readonly E[],
  month: Pick<ReportMonth, 'from' | 'to'>,
): E[] {
  return events
    .filter((e) => isStageEvent(e))
    .filter((e) => {
      const d = effectiveDate(e);
      return d >= month.from && d <= month.to;
    })
    .sort((a, b) => effectiveDate(a).localeCompare(effectiveDate(b)) || a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** A project as it stood at the report date. */
export interface ProjectState {
  stage: ProjectStage;
  /** The stage a dropped project had reached. */
  droppedFrom: ProjectStage | null;
  /** Last stage change or note known at the report date (ISO timestamp). */
  lastActivity: string;
}

/**
 * A project's stage and last activity at `asOf` from its history: the last
 * stage change taking effect by that date gives the stage; null when the
 * project did not exist yet (its first stage date is later). Activity is when
 * a change or note was recorded (as the board measures it); a change recorded
 * after `asOf` for an earlier date (a late entry, an import) counts from its
 * stage date.
 */
export function stateAt(
  events: readonly Pick<ProjectEvent, 'kind' | 'date' | 'at' | 'from' | 'to'>[],
  asOf: Pick<ReportMonth, 'asOf' | 'asOfInstant'>,
): ProjectState | null {
  const known = events
    .filter((e) => effectiveDate(e) <= asOf.asOf)
    .sort((a, b) => effectiveDate(a).localeCompare(effectiveDate(b)) || a.at.localeCompare(b.at));
  const stages = known.filter(isStageEvent);
  const last = stages.at(-1);
  if (!last?.to) return null;
  const limit = asOf.asOfInstant.getTime();
  let lastActivity = 0;
  for (const e of known) {
    const at = new Date(e.at).getTime();
    const when = at <= limit ? at : new Date(`${effectiveDate(e)}T00:00:00+08:00`).getTime();
    lastActivity = Math.max(lastActivity, when);
  }
  // a project entered as 终止 had reached 线索 (as createProject records it)
  const droppedFrom = last.to === 'dropped' ? (last.from ?? 'lead') : null;
  return { stage: last.to, droppedFrom, lastActivity: new Date(lastActivity).toISOString() };
}

/** Whole days from the last activity to the report instant. */
export function idleDays(state: Pick<ProjectState, 'lastActivity'>, asOf: Pick<ReportMonth, 'asOfInstant'>): number {
  return Math.floor((asOf.asOfInstant.getTime() - new Date(state.lastActivity).getTime()) / DAY_MS);
}

/** Stalled at the report date: open (not 投产, not 终止) and no stage change or note for `days` days (the board's rule, at that date). */
export function stalledAt(state: ProjectState, days: number, asOf: Pick<ReportMonth, 'asOfInstant'>): boolean {
  if (state.stage === 'producing' || state.stage === 'dropped') return false;
  return idleDays(state, asOf) >= days;
}
