import { describe, expect, it } from 'vitest';
import type { DetectedGap, SavedGap } from '../api.ts';
import { gapStatus, type MapGap } from './map-model.ts';

// Issue 12: plan gaps did not show the status the API stored (the panel read only the detected part).
describe('gap status on the map', () => {
  it('shows the stored status of a plan-named gap, which has no detected part', () => {
    const plan: MapGap = {
      id: 'gap:plan-bms:chaohu',
      kind: 'fill',
      segmentId: 'seg:bms',
      severity: null,
      detected: null,
      saved: { status: 'IN_PROGRESS' } as SavedGap,
    };
    expect(gapStatus(plan)).toBe('IN_PROGRESS');
  });
  it('shows a detected gap status once saved, none before', () => {
    const detected = { id: 'g', kind: 'fill', segmentId: 's', severity: 50, saved: null } as const;
    expect(gapStatus({ ...detected, detected: { saved: true, status: 'DISMISSED' } as DetectedGap })).toBe('DISMISSED');
    expect(gapStatus({ ...detected, detected: { saved: false, status: null } as DetectedGap })).toBeNull();
  });
});
