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
}
