import { describe, expect, it } from 'vitest';
import type { ProjectEvent } from '../../server/services/projects/project-types.ts';
import { changesInMonth, chinaDate, idleDays, reportMonth, stalledAt, stateAt } from '../../server/services/reports/report-rules.ts';

const NOW = new Date('2026-11-30T02:00:00Z');

let n = 0;
function event(e: Partial<ProjectEvent> & Pick<ProjectEvent, 'kind' | 'at'>): ProjectEvent {
  n += 1;
  return { id: `event:${n}`, projectId: 'project:x', date: null, actor: 'wang', from: null, to: null, note: null, ...e };
}

describe('monthly report: month boundaries', () => {
  it('gives the first and last day of the month, leap years included', () => {
    expect(reportMonth('2024-02', NOW)).toMatchObject({ month: '2024-02', from: '2024-02-01', to: '2024-02-29', asOf: '2024-02-29' });
    expect(reportMonth('2025-02', NOW)).toMatchObject({ from: '2025-02-01', to: '2025-02-28' });
    expect(reportMonth('2025-12', NOW)).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('ends a past month at its last moment in China time, and the month under way now', () => {
    expect(reportMonth('2026-10', NOW).asOfInstant.toISOString()).toBe('2026-10-31T15:59:59.999Z');
    const current = reportMonth('2026-11', NOW);
    expect(current.asOf).toBe('2026-11-30');
    expect(current.asOfInstant).toBe(NOW);
  });

  it('refuses a malformed month or one not yet begun, naming the field', () => {
    for (const bad of ['2026-13', '2026-1', '26-11', 'November', '2026-00', '']) expect(() => reportMonth(bad, NOW), bad).toThrow(/^month: /);
    expect(() => reportMonth('2026-12', NOW)).toThrow(/^month: 2026-12 has not begun/);
    // 2026-11-30T17:00Z is already 1 December in Beijing: December has begun there
    expect(reportMonth('2026-12', new Date('2026-11-30T17:00:00Z')).from).toBe('2026-12-01');
  });

  it('reads timestamps in China time', () => {
    expect(chinaDate('2026-11-30T15:59:59Z')).toBe('2026-11-30');
    expect(chinaDate('2026-11-30T16:00:00Z')).toBe('2026-12-01');
    expect(chinaDate('2026-11-05')).toBe('2026-11-05');
  });
});

describe('monthly report: which changes count', () => {
  const month = reportMonth('2026-10', NOW);
  it('counts stage changes and new projects by their stage date, however late they were recorded; notes do not count', () => {
    const events = [
      event({ kind: 'created', at: '2026-09-20T01:00:00Z', date: '2026-09-20', to: 'lead' }), // September
      event({ kind: 'stage', at: '2026-10-01T01:00:00Z', date: '2026-10-01', from: 'lead', to: 'negotiating' }), // first day
      event({ kind: 'note', at: '2026-10-10T01:00:00Z', date: '2026-10-10', from: 'negotiating', to: 'negotiating', note: '来访' }), // a note
      event({ kind: 'stage', at: '2026-11-03T01:00:00Z', date: '2026-10-31', from: 'negotiating', to: 'signed' }), // last day, entered in November
      event({ kind: 'stage', at: '2026-10-31T20:00:00Z', date: null, from: 'signed', to: 'dropped', note: '撤资' }), // 1 Nov in Beijing
      event({ kind: 'created', at: '2026-10-15T01:00:00Z', date: '2026-10-15', to: 'lead', projectId: 'project:y' }),
    ];
    const changes = changesInMonth(events, month);
    expect(changes.map((e) => [e.date ?? e.at, e.to])).toEqual([
      ['2026-10-01', 'negotiating'],
      ['2026-10-15', 'lead'],
      ['2026-10-31', 'signed'],
    ]);
  });
});

describe('monthly report: state and stalled at the report date', () => {
  const october = reportMonth('2026-10', NOW);
  const history = [
    event({ kind: 'created', at: '2026-08-01T02:00:00Z', date: '2026-08-01', to: 'lead' }),
    event({ kind: 'stage', at: '2026-09-10T02:00:00Z', date: '2026-09-10', from: 'lead', to: 'negotiating' }),
    event({ kind: 'stage', at: '2026-11-20T02:00:00Z', date: '2026-11-20', from: 'negotiating', to: 'signed' }),
  ];

  it('gives the stage a project had at the end of the month, not today', () => {
    expect(stateAt(history, october)).toMatchObject({ stage: 'negotiating', lastActivity: '2026-09-10T02:00:00.000Z' });
    expect(stateAt(history, reportMonth('2026-11', NOW))).toMatchObject({ stage: 'signed' });
    expect(stateAt(history, reportMonth('2026-07', NOW))).toBeNull(); // not yet a project in July
  });

  it('is stalled after N days without a stage change or note, measured to the report date', () => {
    const state = stateAt(history, october)!;
    expect(idleDays(state, october)).toBe(51); // 2026-09-10T02:00Z → 2026-10-31T15:59Z
    expect(stalledAt(state, 30, october)).toBe(true);
    expect(stalledAt(state, 51, october)).toBe(true);
    expect(stalledAt(state, 52, october)).toBe(false);
    const noted = stateAt(
      [...history, event({ kind: 'note', at: '2026-10-25T02:00:00Z', date: '2026-10-25', from: 'negotiating', to: 'negotiating' })],
      october,
    )!;
    expect(stalledAt(noted, 30, october)).toBe(false); // a note is activity
  });

  it('never calls a producing or dropped project stalled', () => {
    const produced = stateAt(
      [
        event({ kind: 'created', at: '2025-01-01T00:00:00Z', date: '2025-01-01', to: 'lead' }),
        event({ kind: 'stage', at: '2025-02-01T00:00:00Z', date: '2025-02-01', from: 'lead', to: 'producing' }),
      ],
      october,
    )!;
    expect(stalledAt(produced, 30, october)).toBe(false);
    const dropped = stateAt(
      [
        event({ kind: 'created', at: '2025-01-01T00:00:00Z', date: '2025-01-01', to: 'lead' }),
        event({ kind: 'stage', at: '2025-02-01T00:00:00Z', date: '2025-02-01', from: 'lead', to: 'dropped' }),
      ],
      october,
    )!;
    expect(dropped).toMatchObject({ stage: 'dropped', droppedFrom: 'lead' });
    expect(stalledAt(dropped, 30, october)).toBe(false);
  });

  it('counts a change entered after the report date for an earlier stage date from that date', () => {
    // imported on 5 November with a 20 October signing: in the October report it is signed, active on 20 October
    const late = [event({ kind: 'created', at: '2026-11-05T03:00:00Z', date: '2026-10-20', to: 'signed' })];
    const state = stateAt(late, october)!;
    expect(state.stage).toBe('signed');
    expect(state.lastActivity).toBe('2026-10-19T16:00:00.000Z');
    expect(idleDays(state, october)).toBe(11);
  });
});
