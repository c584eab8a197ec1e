import { describe, expect, it } from 'vitest';
import { conversionRates, countsForProjectTarget, expectedPace, isStalled, reached, signedYear } from '../../server/services/projects/pipeline-rules.ts';
import type { ProjectStage } from '../../server/model/vocabulary.ts';

const p = (stage: ProjectStage, droppedFrom: ProjectStage | null = null) => ({ stage, droppedFrom });

describe('pipeline rules', () => {
  it('a project has reached every stage before its own; a dropped one counts where it stopped', () => {
    expect(reached(p('started'), 'signed')).toBe(true);
    expect(reached(p('negotiating'), 'signed')).toBe(false);
    expect(reached(p('dropped', 'signed'), 'signed')).toBe(true);
    expect(reached(p('dropped', 'signed'), 'started')).toBe(false);
  });

  it('签约落地转化率 and 投产达效率; unknown (null) with nothing to divide by', () => {
    const rates = conversionRates([p('lead'), p('signed'), p('dropped', 'signed'), p('started'), p('producing')]);
    expect(rates.signedToStarted).toEqual({ value: 2 / 4, numerator: 2, denominator: 4 });
    expect(rates.startedToProducing).toEqual({ value: 1 / 2, numerator: 1, denominator: 2 });
    expect(conversionRates([p('lead')]).signedToStarted.value).toBeNull();
  });

  it('stalled: open projects idle for N days or more; produced and dropped projects never', () => {
    const now = new Date('2026-06-30T12:00:00Z');
    const idle = { lastActivityAt: '2026-05-31T12:00:00Z', createdAt: '2026-01-01T00:00:00Z' };
    expect(isStalled({ stage: 'signed', ...idle }, 30, now)).toBe(true);
    expect(isStalled({ stage: 'signed', ...idle }, 31, now)).toBe(false);
    expect(isStalled({ stage: 'producing', ...idle }, 1, now)).toBe(false);
    expect(isStalled({ stage: 'dropped', ...idle }, 1, now)).toBe(false);
    expect(isStalled({ stage: 'lead', lastActivityAt: null, createdAt: '2026-01-01T00:00:00Z' }, 30, now)).toBe(true);
  });

  it('a project counts toward 招引 targets once signed, at or above the amount, inside the plan period, and not dropped', () => {
    const base = { stage: 'signed' as const, droppedFrom: null, investment: 1, signedAt: '2024-03-01', startedAt: null, producingAt: null };
    const counts = (over: Partial<typeof base> | Record<string, unknown>) =>
      countsForProjectTarget({ ...base, ...over } as typeof base, 1, '2024-01-01', '2026-12-31');
    expect(counts({})).toBe(true);
    expect(counts({ investment: 0.99 })).toBe(false);
    expect(counts({ investment: null })).toBe(false);
    expect(counts({ stage: 'negotiating' })).toBe(false);
    expect(counts({ stage: 'dropped', droppedFrom: 'signed' })).toBe(false);
    expect(counts({ signedAt: '2023-12-31' })).toBe(false);
    expect(counts({ stage: 'started', signedAt: null, startedAt: '2025-02-01' })).toBe(true);
    expect(signedYear({ signedAt: null, startedAt: '2025-02-01', producingAt: null })).toBe(2025);
    expect(signedYear({ signedAt: null, startedAt: null, producingAt: null })).toBeNull();
  });

  it('pace: the share of the plan period elapsed', () => {
    expect(expectedPace('2024-01-01', '2026-12-31', new Date('2023-06-01T00:00:00Z'))).toBe(0);
    expect(expectedPace('2024-01-01', '2026-12-31', new Date('2025-07-02T12:00:00Z'))).toBeCloseTo(0.5, 2);
    expect(expectedPace('2024-01-01', '2026-12-31', new Date('2027-06-01T00:00:00Z'))).toBe(1);
  });
});
