import { feedsEdgeId, supplyEdgeId } from '../gaps/classify-gaps.ts';
import type { CandidateRow, SegmentLocals } from './types.ts';

/** Buyers like the local buyers shown on a path (the count in the reason is exact). */
export const PATH_PEER_BUYERS = 10;
/** Local enterprises shown per demand segment: what makes the segment local demand. */
export const PATH_LOCALS_PER_SEGMENT = 3;

export const operatesEdgeId = (from: string, to: string) => `OPERATES_IN:${from}->${to}`;

/**
 * What to highlight for one candidate, the evidence behind its score: its
 * segments (for a sibling, the shared downstream segments and FEEDS edges), its
 * local buyers with their SUPPLIES, and some buyers like the local buyers: each
 * with its segment of local demand, the FEEDS from the target into it (where the
 * chain has one: `fed`, the segments the targets FEED; a segment observed buying
 * the target has none) and a few local enterprises there. Ids in first-seen order, no repeats.
 */
export function candidatePath(row: CandidateRow, locals: Map<string, SegmentLocals>, fed: ReadonlySet<string>): { nodeIds: string[]; edgeIds: string[] } {
  const id = row.facts.id;
  const nodeIds = new Set([id]);
  const edgeIds = new Set<string>();
  const targets = new Set<string>();
  for (const f of row.fits) {
    targets.add(f.targetId);
    nodeIds.add(f.segmentId);
    edgeIds.add(operatesEdgeId(id, f.segmentId));
    if (!f.direct) {
      nodeIds.add(f.targetId);
      for (const d of f.downstreamIds) {
        nodeIds.add(d);
        edgeIds.add(feedsEdgeId(f.segmentId, d)).add(feedsEdgeId(f.targetId, d));
      }
    }
  }
  for (const b of row.localBuyers) {
    nodeIds.add(b.id);
    edgeIds.add(supplyEdgeId(id, b.id));
  }
  const shownSegments = new Set<string>();
  const buyers = new Set<string>();
  for (const p of row.peerBuyers) {
    if (!buyers.has(p.buyerId) && buyers.size >= PATH_PEER_BUYERS) continue;
    buyers.add(p.buyerId);
    nodeIds.add(p.buyerId).add(p.segmentId);
    edgeIds.add(supplyEdgeId(id, p.buyerId)).add(operatesEdgeId(p.buyerId, p.segmentId));
    if (shownSegments.has(p.segmentId)) continue;
    shownSegments.add(p.segmentId);
    if (fed.has(p.segmentId)) for (const t of targets) if (t !== p.segmentId) edgeIds.add(feedsEdgeId(t, p.segmentId));
    for (const l of locals.get(p.segmentId)?.localIds.slice(0, PATH_LOCALS_PER_SEGMENT) ?? []) {
      nodeIds.add(l);
      edgeIds.add(operatesEdgeId(l, p.segmentId));
    }
  }
  return { nodeIds: [...nodeIds], edgeIds: [...edgeIds] };
}
