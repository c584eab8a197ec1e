import { isExternal, LOCAL_TRUE, type AnalyticGraph } from '../projection/analytic-graph.ts';
import { forEachInSlices, type TimeSlices } from '../projection/time-slices.ts';

/** A supplier–buyer pair from an external enterprise to a local one, and the question a 招商 officer would ask to find that supplier. */
export interface OwnLink {
  fromId: string;
  toId: string;
  /** The supplier's segment that FEEDS one of the buyer's (or is one of them); else the first of its segments. */
  segmentId: string;
  /** The buyer's first area (by id), or null when it is located nowhere. */
  areaId: string | null;
}

/**
 * The question asked for a known link (segment and area, never the buyer): the one
 * home of that rule, shared by the weight fit (fitted-weights.ts) and the ranking
 * evaluation (bench/eval). Null when the supplier operates in no segment.
 */
export function questionFor(
  supplierSegmentIds: readonly string[],
  buyerSegmentIds: readonly string[],
  buyerAreaIds: readonly string[],
  feeds: (fromId: string, toId: string) => boolean,
): { segmentId: string; areaId: string | null } | null {
  const own = [...supplierSegmentIds].sort();
  const segmentId = own.find((s) => buyerSegmentIds.some((t) => t === s || feeds(s, t))) ?? own[0];
  if (!segmentId) return null;
  return { segmentId, areaId: [...buyerAreaIds].sort()[0] ?? null };
}

/**
 * The store's own links from external suppliers to local buyers, read from the projection, in (supplier, buyer) id order.
 * With `slices`, yields to requests when a slice is spent (a million enterprises take most of a second).
 */
export async function ownLinks(g: AnalyticGraph, slices?: TimeSlices): Promise<OwnLink[]> {
  const E = g.enterprises;
  const S = g.segments;
  const segmentsOf = (e: number) => Array.from(E.opSeg.subarray(E.opStart[e]!, E.opStart[e + 1]!), (s) => S.ids[s]!);
  const feeds = (from: string, to: string) => S.feedsTo[S.index.get(from)!]!.includes(S.index.get(to)!);
  const links: OwnLink[] = [];
  for (let x = 0; x < E.ids.length; x++) {
    // a clock read every 1,024 enterprises
    if ((x & 0x3ff) === 0 && slices?.due()) await slices.next();
    if (!isExternal(E.local[x]!) || E.outStart[x] === E.outStart[x + 1]) continue;
    const supplierSegments = segmentsOf(x);
    let previous = -1;
    // buyers ascend: a buyer supplied several products is one pair
    for (let j = E.outStart[x]!; j < E.outStart[x + 1]!; j++) {
      const b = E.outTo[j]!;
      if (b === previous || E.local[b] !== LOCAL_TRUE) continue;
      previous = b;
      const areas = Array.from(E.locArea.subarray(E.locStart[b]!, E.locStart[b + 1]!), (a) => g.areas.ids[a]!);
      const q = questionFor(supplierSegments, segmentsOf(b), areas, feeds);
      if (q) links.push({ fromId: E.ids[x]!, toId: E.ids[b]!, ...q });
    }
  }
  return links.sort((a, b) => (a.fromId < b.fromId ? -1 : a.fromId > b.fromId ? 1 : a.toId < b.toId ? -1 : a.toId > b.toId ? 1 : 0));
}

/**
 * The SUPPLIES of the given pairs (every product of each) as a mask over `enterprises.outTo` (1: hidden), for
 * projectedCandidateFacts: what the ranking would see had they never been recorded. One byte per SUPPLIES
 * (5 MB at tier L) instead of a copy of the arrays per fold.
 */
export async function hiddenSupplies(g: AnalyticGraph, pairs: readonly { fromId: string; toId: string }[], slices?: TimeSlices): Promise<Uint8Array> {
  const E = g.enterprises;
  const hidden = new Uint8Array(E.outTo.length);
  await forEachInSlices(slices, pairs.length, (i) => {
    const x = E.index.get(pairs[i]!.fromId)!;
    const b = E.index.get(pairs[i]!.toId)!;
    for (let j = E.outStart[x]!; j < E.outStart[x + 1]!; j++) if (E.outTo[j] === b) hidden[j] = 1;
  });
  return hidden;
}
