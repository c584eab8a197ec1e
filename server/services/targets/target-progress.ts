import { randomUUID } from 'node:crypto';
import type { QueryRunner, Store } from '../../store/store.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { FieldNotFoundError } from '../enterprises/field-not-found.ts';
import { createMetricComputer, type Computed } from './compute-metric.ts';
import { expectedPace } from '../projects/pipeline-rules.ts';
import { PLAN_START, type BaselineRecord, type ProgressRecord, type TargetProgress, type TargetRecord } from './target-types.ts';

const GROUP_ORDER = ['规模总量', '产业集聚', '发展质量', '要素保障'];

function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

function byPlanOrder(a: TargetRecord, b: TargetRecord): number {
  const ga = GROUP_ORDER.indexOf(a.group ?? '');
  const gb = GROUP_ORDER.indexOf(b.group ?? '');
  return (ga < 0 ? 99 : ga) - (gb < 0 ? 99 : gb) || a.id.localeCompare(b.id);
}

interface Context {
  compute: (t: TargetRecord) => Promise<Computed | null>;
  baselines: Map<string, BaselineRecord>;
  now: Date;
}

/**
 * How far a target is met. A computable stock is today's figure; a 新增
 * (counts: increase) figure is today's figure minus the recorded Baseline, and
 * unknown without one (never today's stock shown as progress); project counts
 * come from 招商项目 signed since the plan start. Otherwise the latest recorded
 * Progress counts.
 */
async function progressOf(target: TargetRecord, ctx: Context, parts: TargetProgress[]): Promise<TargetProgress> {
  const counts = target.counts ?? 'stock';
  const computed = await ctx.compute(target);
  const baseline = ctx.baselines.get(target.id) ?? null;
  const latest = target.history[0];
  const today = ctx.now.toISOString().slice(0, 10);
  let current: number | null = null;
  let currentSource: TargetProgress['currentSource'] = 'NONE';
  let since: string | null = null;
  let asOf: string | null = null;
  if (computed !== null && (counts !== 'increase' || baseline)) {
    current = round(computed.value - (counts === 'increase' ? baseline!.value : 0), 4);
    currentSource = 'COMPUTED';
    since = counts === 'increase' ? baseline!.date : counts === 'projects' ? PLAN_START : null;
    asOf = today;
  } else if (computed === null && latest) {
    current = latest.value;
    currentSource = 'RECORDED';
    asOf = latest.date;
  }
  const ratio = current !== null && target.value ? round(current / target.value, 4) : null;
  const expectedRatio = round(expectedPace(PLAN_START, target.deadline ?? '2026-12-31', ctx.now), 4);
  return {
    target,
    value: target.value,
    unit: target.unit,
    current,
    currentSource,
    ratio,
    history: target.history,
    parts,
    counts,
    baseline,
    since,
    asOf,
    byYear: computed?.byYear ?? null,
    expectedRatio,
    behindPace: ratio === null ? null : ratio < expectedRatio,
  };
}

async function contextOf(runner: QueryRunner, now: Date): Promise<Context> {
  const baselines = await runner.run<BaselineRecord>('read/targets/baselines');
  return { compute: createMetricComputer(runner), baselines: new Map(baselines.map((b) => [b.targetId, b])), now };
}

/**
 * The plan's targets with how far each is met. Without `areaId`: the whole
 * targets, each with its per-area parts. With `areaId`: the per-area parts for
 * that area. `current` is computed from the graph where the target has a
 * computable metric, else the latest recorded Progress.
 */
export async function listTargetProgress(runner: QueryRunner, areaId: string | null = null, now: Date = new Date()): Promise<TargetProgress[]> {
  if (areaId) {
    const area = await runner.run('read/enterprises/area', { areaId });
    if (area.length === 0) throw new FieldNotFoundError('Area', areaId, 'areaId');
  }
  const targets = await runner.run<TargetRecord>('read/targets/list');
  const ctx = await contextOf(runner, now);
  if (areaId) {
    const parts = targets.filter((t) => t.areas.some((a) => a.id === areaId)).sort(byPlanOrder);
    return Promise.all(parts.map((t) => progressOf(t, ctx, [])));
  }
  const wholes = targets.filter((t) => t.wholeIds.length === 0).sort(byPlanOrder);
  return Promise.all(
    wholes.map(async (whole) => {
      const parts = targets.filter((t) => t.wholeIds.includes(whole.id)).sort((a, b) => a.id.localeCompare(b.id));
      return progressOf(whole, ctx, await Promise.all(parts.map((p) => progressOf(p, ctx, []))));
    }),
  );
}

/** One target (whole or part) with its progress; NOT_FOUND naming the id. */
export async function getTargetProgress(runner: QueryRunner, targetId: string, now: Date = new Date()): Promise<TargetProgress> {
  const targets = await runner.run<TargetRecord>('read/targets/list');
  const target = targets.find((t) => t.id === targetId);
  if (!target) throw new NotFoundError('Target', targetId);
  const ctx = await contextOf(runner, now);
  const parts = targets.filter((t) => t.wholeIds.includes(target.id)).sort((a, b) => a.id.localeCompare(b.id));
  return progressOf(target, ctx, await Promise.all(parts.map((p) => progressOf(p, ctx, []))));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function checkIsoDate(value: string): string {
  const m = ISO_DATE.exec(value.trim());
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.toISOString().slice(0, 10) !== value.trim()) {
    throw new ValidationError(`date: '${value}' is not an ISO date (YYYY-MM-DD)`, 'date');
  }
  return value.trim();
}

export interface ProgressInput {
  targetId: string;
  value: number;
  date: string;
  source?: string | null;
  note?: string | null;
}

/** Records a measured value of a target (a Progress node RECORDS the Target), e.g. from a quarterly report. */
export async function recordTargetProgress(store: Store, input: ProgressInput): Promise<ProgressRecord> {
  if (typeof input.value !== 'number' || !Number.isFinite(input.value)) {
    throw new ValidationError(`value: must be a finite number, got ${input.value}`, 'value');
  }
  const date = checkIsoDate(input.date);
  const source = input.source?.trim() || null;
  const note = input.note?.trim() || null;
  return store.transaction(async (tx) => {
    const [target] = await tx.run('read/targets/exists', { targetId: input.targetId });
    if (!target) throw new FieldNotFoundError('Target', input.targetId, 'targetId');
    const [row] = await tx.run<ProgressRecord>('write/targets/record-progress', {
      id: `progress:${randomUUID()}`,
      targetId: input.targetId,
      value: input.value,
      date,
      source,
      note,
      recordedAt: new Date().toISOString(),
    });
    return row!;
  });
}
