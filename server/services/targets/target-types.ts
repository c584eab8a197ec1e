import type { AreaRef } from '../enterprises/enterprise-types.ts';

export interface ProgressRecord {
  id: string;
  value: number;
  /** ISO date (YYYY-MM-DD) the value was measured. */
  date: string;
  source: string | null;
  note: string | null;
  origin: string | null;
  /** ISO timestamp of recording. */
  recordedAt: string | null;
}

export interface MeasuredRef {
  id: string;
  label: string;
  name: string | null;
}

export interface TargetRecord {
  id: string;
  name: string;
  /** English name where the seeds give one. */
  nameEn: string | null;
  value: number;
  unit: string | null;
  deadline: string | null;
  group: string | null;
  metric: string | null;
  /** stock (the figure today), increase (新增: today's figure minus the Baseline) or projects (招商项目 signed in the plan period). */
  counts: TargetCounts | null;
  note: string | null;
  source: string | null;
  sourceText: string | null;
  /** The whole target a per-area part belongs to (empty for a whole). */
  wholeIds: string[];
  /** The area a per-area part counts for (empty for a whole). */
  areas: AreaRef[];
  measures: MeasuredRef[];
  /** Recorded progress, newest first. */
  history: ProgressRecord[];
}

export const TARGET_COUNTS = ['stock', 'increase', 'projects'] as const;
export type TargetCounts = (typeof TARGET_COUNTS)[number];

/** The first day of the plan period: project-count targets count projects signed from this date. */
export const PLAN_START = '2024-01-01';

/** The figure a 新增 target counts from: a snapshot at first load, or a value an editor recorded. */
export interface BaselineRecord {
  id: string;
  targetId: string;
  value: number;
  /** ISO date the baseline figure stands for. */
  date: string;
  takenAt: string | null;
  source: string | null;
  note: string | null;
  /** snapshot (taken automatically at first load) or user (recorded by an editor). */
  origin: string | null;
}

export interface YearValue {
  /** Null for projects whose signing year is unknown. */
  year: number | null;
  value: number;
}

/** Where `current` comes from: computed from the graph, the latest Progress, or nothing yet. */
export type CurrentSource = 'COMPUTED' | 'RECORDED' | 'NONE';

export interface TargetProgress {
  target: TargetRecord;
  value: number;
  unit: string | null;
  current: number | null;
  currentSource: CurrentSource;
  /** current / value, rounded to 4 places; null without a current value or for a zero target. */
  ratio: number | null;
  history: ProgressRecord[];
  /** Per-area parts of a whole target (empty for parts and unsplit targets). */
  parts: TargetProgress[];
  counts: TargetCounts;
  baseline: BaselineRecord | null;
  /** ISO date the figure counts from: the baseline's date (新增), the plan start (projects); null for a stock or a recorded figure. */
  since: string | null;
  /** ISO date the figure stands for: today when computed, the record's date when recorded. */
  asOf: string | null;
  /** Project-count targets: projects counted per signing year. */
  byYear: YearValue[] | null;
  /** Share of the plan period elapsed: the ratio a target on pace has reached today. */
  expectedRatio: number;
  /** ratio < expectedRatio; null when the figure is unknown. */
  behindPace: boolean | null;
}
