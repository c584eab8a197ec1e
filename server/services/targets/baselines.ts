import type { Store } from '../../store/store.ts';
import { ValidationError } from '../../errors.ts';
import { FieldNotFoundError } from '../enterprises/field-not-found.ts';
import { createMetricComputer } from './compute-metric.ts';
import { checkIsoDate } from './target-progress.ts';
import type { BaselineRecord, TargetRecord } from './target-types.ts';

const baselineId = (targetId: string) => `baseline:${targetId}`;

/**
 * Takes the first-load snapshot: for every 新增 target (counts: increase) with
 * a computable metric and no Baseline yet, today's figure becomes its Baseline
 * (origin snapshot). Never overwrites a baseline, so progress counts from the
 * day the product first held the data. Returns how many were taken.
 */
export async function ensureBaselines(store: Store, now: Date = new Date()): Promise<number> {
  const [targets, existing] = await Promise.all([store.run<TargetRecord>('read/targets/list'), store.run<{ targetId: string }>('read/targets/baselines')]);
  const have = new Set(existing.map((b) => b.targetId));
  const compute = createMetricComputer(store);
  const missing = targets.filter((t) => t.counts === 'increase' && !have.has(t.id));
  const rows = await Promise.all(missing.map(async (t) => ({ t, computed: await compute(t) })));
  const taken = rows.filter((r) => r.computed !== null);
  if (taken.length === 0) return 0;
  await store.transaction(async (tx) => {
    for (const { t, computed } of taken) {
      await tx.run('write/targets/record-baseline', {
        targetId: t.id,
        id: baselineId(t.id),
        value: computed!.value,
        date: now.toISOString().slice(0, 10),
        takenAt: now.toISOString(),
        source: '首次载入时的快照 (snapshot at first load)',
        note: null,
        origin: 'snapshot',
        replace: false,
      });
    }
  });
  return taken.length;
}

/** Records (or replaces) a target's Baseline by hand, e.g. the 统计局 figure at the plan's start. */
export async function recordTargetBaseline(
  store: Store,
  input: { targetId: string; value: number; date: string; source?: string | null; note?: string | null },
): Promise<BaselineRecord> {
  if (typeof input.value !== 'number' || !Number.isFinite(input.value) || input.value < 0) {
    throw new ValidationError(`value: must be a finite number ≥ 0, got ${input.value}`, 'value');
  }
  const date = checkIsoDate(input.date);
  return store.transaction(async (tx) => {
    const [target] = await tx.run('read/targets/exists', { targetId: input.targetId });
    if (!target) throw new FieldNotFoundError('Target', input.targetId, 'targetId');
    const [row] = await tx.run<Omit<BaselineRecord, 'targetId'>>('write/targets/record-baseline', {
      targetId: input.targetId,
      id: baselineId(input.targetId),
      value: input.value,
      date,
      takenAt: new Date().toISOString(),
      source: input.source?.trim() || null,
      note: input.note?.trim() || null,
      origin: 'user',
      replace: true,
    });
    return { ...row!, targetId: input.targetId };
  });
}
