import type { TargetProgress } from '../api.ts';

/** The plan runs 2024—2026; progress "on pace" is measured from its start. */
export const PLAN_START = '2024-01-01';

/** Bar width in percent: 0–100, or null when nothing is measured yet. */
export function progressPercent(ratio: number | null | undefined): number | null {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return null;
  return Math.max(0, Math.min(100, Math.round(ratio * 1000) / 10));
}

/**
 * Whether a target is behind a straight-line pace from PLAN_START to its
 * deadline (the plan's 预警). Unknown progress or deadline is not "behind".
 */
export function isBehind(ratio: number | null | undefined, deadline: string | null | undefined, today: Date): boolean {
  if (ratio === null || ratio === undefined || !deadline) return false;
  const start = Date.parse(PLAN_START);
  const end = Date.parse(deadline);
  if (!Number.isFinite(end) || end <= start) return false;
  const elapsed = Math.max(0, Math.min(1, (today.getTime() - start) / (end - start)));
  return ratio < elapsed;
}

/** Targets grouped by their plan group (规模总量, 产业集聚, …) in first-seen order. */
export function groupTargets(targets: readonly TargetProgress[]): { group: string; targets: TargetProgress[] }[] {
  const groups = new Map<string, TargetProgress[]>();
  for (const tp of targets) {
    const g = tp.target.group ?? '—';
    groups.set(g, [...(groups.get(g) ?? []), tp]);
  }
  return [...groups].map(([group, list]) => ({ group, targets: list }));
}

/** A number as the plan writes it: no trailing zeros, at most two decimals. */
export function formatAmount(value: number | null | undefined, unit: string | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${Number(value.toFixed(2))}${unit ?? ''}`;
}
