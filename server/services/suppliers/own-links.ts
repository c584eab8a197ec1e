import { isExternal, LOCAL_TRUE, type AnalyticGraph } from '../projection/analytic-graph.ts';

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

/** The store's own links from external suppliers to local buyers, read from the projection, in (supplier, buyer) id order. */
export function ownLinks(g: AnalyticGraph): OwnLink[] {
  const E = g.enterprises;
  const S = g.segments;
  const segmentsOf = (e: number) => Array.from(E.opSeg.subarray(E.opStart[e]!, E.opStart[e + 1]!), (s) => S.ids[s]!);
  const feeds = (from: string, to: string) => S.feedsTo[S.index.get(from)!]!.includes(S.index.get(to)!);
  const links: OwnLink[] = [];
  for (let x = 0; x < E.ids.length; x++) {
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

/** The graph without the SUPPLIES of the given pairs (every product of each), sharing everything else: what the ranking would see had they never been recorded. */
export function withoutLinks(g: AnalyticGraph, pairs: readonly { fromId: string; toId: string }[]): AnalyticGraph {
  const E = g.enterprises;
  const hidden = new Map<number, Set<number>>();
  for (const p of pairs) {
    const x = E.index.get(p.fromId)!;
    const set = hidden.get(x) ?? new Set<number>();
    set.add(E.index.get(p.toId)!);
    hidden.set(x, set);
  }
  const outStart = new Int32Array(E.outStart.length);
  const outTo = new Int32Array(E.outTo.length);
  const outShare = new Float64Array(E.outShare.length);
  let n = 0;
  for (let x = 0; x < E.ids.length; x++) {
    outStart[x] = n;
    const set = hidden.get(x);
    for (let j = E.outStart[x]!; j < E.outStart[x + 1]!; j++) {
      if (set?.has(E.outTo[j]!)) continue;
      outTo[n] = E.outTo[j]!;
      outShare[n++] = E.outShare[j]!;
    }
  }
  outStart[E.ids.length] = n;
  return { ...g, enterprises: { ...E, outStart, outTo: outTo.subarray(0, n), outShare: outShare.subarray(0, n) } };
}
