import type { DetectedGap, GapAnalysis, GapKindApi, GapStatusApi, SavedGap } from '../api.ts';
import type { SegmentDecoration } from '../graph/controller.ts';
import { classifyStrength } from '../graph/strength.ts';

/** The client's gap kind: the schema's GapKind (generated), in lower case. */
export type GapKind = Lowercase<GapKindApi>;

export function gapKind(kind: GapKindApi | string): GapKind {
  return kind.toLowerCase() as GapKind;
}

/** A gap as the map and panels use it: detected by the analysis or saved (e.g. named by the plan). */
export interface MapGap {
  id: string;
  kind: GapKind;
  segmentId: string;
  severity: number | null;
  detected: DetectedGap | null;
  saved: SavedGap | null;
}

/** All gaps of an analysis: detected ones (most severe first) then saved ones not detected, excluding filled/dismissed. */
export function mapGaps(analysis: GapAnalysis): MapGap[] {
  const detected = analysis.gaps.map((g) => ({ id: g.id, kind: gapKind(g.kind), segmentId: g.segmentId, severity: g.severity, detected: g, saved: null }));
  const saved = analysis.undetectedSavedGaps
    .filter((g) => g.status === 'OPEN' || g.status === 'IN_PROGRESS')
    .map((g) => ({ id: g.id, kind: gapKind(g.kind), segmentId: g.segmentId, severity: null, detected: null, saved: g }));
  return [...detected, ...saved];
}

/**
 * Per-segment decoration: strength from the local facts and the most severe
 * gap there (detected gaps first, by severity; then saved ones).
 */
export function segmentDecorations(analysis: GapAnalysis): Map<string, SegmentDecoration> {
  const out = new Map<string, SegmentDecoration>();
  for (const s of analysis.segments) {
    out.set(s.segmentId, {
      strength: classifyStrength({ localCount: s.localCount, localOutput: s.localOutput, presence: s.presence }),
      localCount: s.localCount,
      localOutput: s.localOutput,
      gapKind: null,
      gapId: null,
    });
  }
  const gaps = mapGaps(analysis).sort((a, b) => (b.severity ?? -1) - (a.severity ?? -1));
  for (const g of gaps) {
    const d = out.get(g.segmentId) ?? { strength: 'unknown' as const };
    if (d.gapKind) continue;
    out.set(g.segmentId, { ...d, gapKind: g.kind, gapId: g.id });
  }
  return out;
}

/** The gaps at one segment, most severe first. */
export function gapsAt(analysis: GapAnalysis, segmentId: string): MapGap[] {
  return mapGaps(analysis).filter((g) => g.segmentId === segmentId);
}

/** The stored status of a gap: a plan-named gap has only its saved part; a detected one has a status once saved. */
export function gapStatus(g: MapGap): GapStatusApi | null {
  return g.saved?.status ?? g.detected?.status ?? null;
}

/** The id of the gap's stored copy (a detected gap may be stored under the plan's id); the gap's own id when none. */
export function storedGapId(g: MapGap): string {
  return g.saved?.id ?? g.detected?.savedGaps?.[0]?.id ?? g.id;
}

/** Segments drawn with each gap border: what the legend counts, so its numbers match the map. */
export function drawnGapCounts(decorations: ReadonlyMap<string, SegmentDecoration>): Record<GapKind, number> {
  const counts: Record<GapKind, number> = { fill: 0, strengthen: 0, extend: 0 };
  for (const d of decorations.values()) if (d.gapKind) counts[d.gapKind]++;
  return counts;
}

/** Gaps as the segment panel lists them: the plan's per-area copies of one gap (same kind, same segment) as one entry. */
export interface GapGroup {
  kind: GapKind;
  segmentId: string;
  /** One gap, or the plan-named gaps of the areas, in area order. */
  gaps: MapGap[];
}

export function groupGaps(gaps: readonly MapGap[]): GapGroup[] {
  const groups: GapGroup[] = [];
  for (const g of gaps) {
    const same =
      g.saved && !g.detected ? groups.find((x) => x.kind === g.kind && x.segmentId === g.segmentId && x.gaps.every((y) => y.saved && !y.detected)) : undefined;
    if (same) same.gaps.push(g);
    else groups.push({ kind: g.kind, segmentId: g.segmentId, gaps: [g] });
  }
  return groups;
}
