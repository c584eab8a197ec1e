import type { CandidateFactsRow, CandidateFactsSource, SegmentReachRow } from '../suppliers/candidate-facts-source.ts';
import type { PeerBuyer } from '../suppliers/types.ts';
import { areaScope, isExternal, LOCAL_FALSE, LOCAL_OTHER, LOCAL_TRUE, locatedRows, type AnalyticGraph } from './analytic-graph.ts';
import { forEachInSlices, type TimeSlices } from './time-slices.ts';

export interface ProjectedFactsOptions {
  /** SUPPLIES to leave out, by position in `enterprises.outTo` (1: hidden): the weight fit's fold, hidden without copying the arrays. */
  hidden?: Uint8Array;
  /** Work in the background: the reads yield to requests when a slice is spent (and the ranking between its reads). */
  slices?: TimeSlices;
}

/**
 * The supplier ranking's facts from the projection: the rows
 * cypher/read/suppliers/ would return (segment-locals, demand-segments,
 * candidate-facts, candidate-local-buyers, candidate-peer-buyers, segment-reach, candidate-peer-evidence), computed
 * over the arrays (without the `hidden` SUPPLIES: the rows the store would give had they never been recorded).
 */
export function projectedCandidateFacts(g: AnalyticGraph, { hidden, slices }: ProjectedFactsOptions = {}): CandidateFactsSource {
  const S = g.segments;
  const E = g.enterprises;
  const shown = hidden ? (j: number) => hidden[j] !== 1 : () => true;
  const targetsOf = (ids: string[]) => [...new Set(ids.flatMap((id) => S.index.get(id) ?? []))];
  const scopeOf = (areaIds: string[] | null) => (areaIds === null ? null : areaScope(g, areaIds));
  /** `$demandSegments[seg.id] = true` per segment number. */
  const demandMask = (demandSegments: Record<string, true>) => {
    const demand = new Uint8Array(S.ids.length);
    for (const [id, on] of Object.entries(demandSegments)) {
      const s = S.index.get(id);
      if (on === true && s !== undefined) demand[s] = 1;
    }
    return demand;
  };

  /** The segments that make an enterprise a candidate: the targets and their siblings (FEEDS a segment a target FEEDS). */
  function viaSegments(targets: number[]): Uint8Array {
    const via = new Uint8Array(S.ids.length);
    for (const t of targets) {
      via[t] = 1;
      for (const d of S.feedsTo[t]!) for (const v of S.feedsFrom[d]!) via[v] = 1;
    }
    return via;
  }

  // The three reads of one ranking ask for the same candidates: computed once per target list.
  const candidateSets = new Map<string, { xs: number[]; direct: Uint8Array }>();
  const candidatesOf = (segmentIds: string[]) => {
    const key = JSON.stringify(segmentIds);
    let c = candidateSets.get(key);
    if (!c) {
      if (candidateSets.size >= 32) candidateSets.clear();
      candidateSets.set(key, (c = findCandidates(segmentIds)));
    }
    return c;
  };

  /** External enterprises operating in a via segment (ascending), and whether each (at the same position) operates in a target itself. */
  function findCandidates(segmentIds: string[]): { xs: number[]; direct: Uint8Array } {
    const targets = targetsOf(segmentIds);
    const isTarget = new Uint8Array(S.ids.length);
    for (const t of targets) isTarget[t] = 1;
    const via = viaSegments(targets);
    // per enterprise: 0 not a candidate, 1 through a sibling only, 2 in a target (a mark per enterprise, then one pass in index order: no sort)
    const mark = new Uint8Array(E.ids.length);
    for (let s = 0; s < S.ids.length; s++) {
      if (!via[s]) continue;
      for (let k = S.memberStart[s]!; k < S.memberStart[s + 1]!; k++) {
        const x = S.member[k]!;
        if (!isExternal(E.local[x]!)) continue;
        if (isTarget[s] === 1) mark[x] = 2;
        else if (mark[x] === 0) mark[x] = 1;
      }
    }
    const xs: number[] = [];
    for (let x = 0; x < mark.length; x++) if (mark[x] !== 0) xs.push(x);
    const direct = new Uint8Array(xs.length);
    for (let i = 0; i < xs.length; i++) direct[i] = mark[xs[i]!] === 2 ? 1 : 0;
    return { xs, direct };
  }

  /** SUPPLIES from the enterprise (one per product), the hidden left out. */
  const customers = (x: number) => {
    if (!hidden) return E.outStart[x + 1]! - E.outStart[x]!;
    let n = 0;
    for (let j = E.outStart[x]!; j < E.outStart[x + 1]!; j++) if (shown(j)) n++;
    return n;
  };

  return {
    slices,
    // the local enterprises do not depend on the SUPPLIES: one copy per graph, whatever a fold hides
    localsKey: g,

    async segmentLocals(areaIds) {
      const areas = scopeOf(areaIds);
      const rows: { segmentId: string; localIds: string[]; leaders: number }[] = [];
      for (let s = 0; s < S.ids.length; s++) {
        if (slices?.due()) await slices.next();
        const localIds: string[] = [];
        let leaders = 0;
        for (let k = S.memberStart[s]!; k < S.memberStart[s + 1]!; k++) {
          const l = S.member[k]!;
          if (E.local[l] !== LOCAL_TRUE) continue;
          const times = locatedRows(g, areas, l);
          const leader = S.memberRole[k] === g.leaderRoleCode || E.leaderTag[l] === 1;
          for (let t = 0; t < times; t++) localIds.push(E.ids[l]!);
          if (leader) leaders += times;
        }
        if (localIds.length) rows.push({ segmentId: S.ids[s]!, localIds, leaders });
      }
      return rows;
    },

    async demandSegments(segmentIds) {
      const seen = new Set<number>();
      for (const t of targetsOf(segmentIds)) for (const d of [t, ...S.feedsTo[t]!]) seen.add(d);
      return [...seen].map((d) => ({ segmentId: S.ids[d]!, name: S.name[d]!, nameEn: S.nameEn[d]! }));
    },

    async candidates(segmentIds) {
      const { xs, direct } = candidatesOf(segmentIds);
      const rows = new Array<CandidateFactsRow>(xs.length);
      await forEachInSlices(slices, xs.length, (i) => {
        const x = xs[i]!;
        rows[i] = {
          id: E.ids[x]!,
          name: E.name[x]!,
          region: E.region[x]!,
          output: E.output[x]!,
          aboveScale: E.aboveScale[x]!,
          tags: [...(E.tags[x] ?? [])],
          direct: direct[i] === 1,
          leaderRole: E.leaderRole[x] === 1,
          customers: customers(x),
        };
      });
      return rows;
    },

    async localBuyers(segmentIds, areaIds) {
      const areas = scopeOf(areaIds);
      const rows: { id: string; localBuyers: number }[] = [];
      for (const x of candidatesOf(segmentIds).xs) {
        if (slices?.due()) await slices.next();
        let count = 0;
        for (let j = E.outStart[x]!; j < E.outStart[x + 1]!; j++) {
          if (!shown(j)) continue;
          const b = E.outTo[j]!;
          if (E.local[b] === LOCAL_TRUE && locatedRows(g, areas, b) > 0) count++;
        }
        if (count > 0) rows.push({ id: E.ids[x]!, localBuyers: count });
      }
      return rows;
    },

    async peerBuyers(segmentIds, demandSegments, areaIds) {
      const areas = scopeOf(areaIds);
      const demand = demandMask(demandSegments);
      /**
       * `NOT (b.local = true AND ($areaIds IS NULL OR EXISTS { (b)-[:LOCATED_IN]->(a:Area) WHERE a.id IN $areaIds }))`
       * in Cypher's three-valued logic: a missing local flag is unknown, so such a buyer counts only when outside the areas.
       */
      const likeLocal = (b: number) => {
        const l = E.local[b]!;
        if (l === LOCAL_FALSE || l === LOCAL_OTHER) return true;
        return areas !== null && locatedRows(g, areas, b) === 0;
      };
      const rows: { id: string; segmentId: string; near: boolean; peerBuyers: number }[] = [];
      // distinct buyers per (candidate, demand segment, near): a supplier's buyers ascend, so a repeated buyer is the previous one;
      // near (`coalesce(b.local, false)`): a local enterprise outside the scope's areas
      const n = S.ids.length;
      const count = new Int32Array(2 * n);
      const lastBuyer = new Int32Array(n).fill(-1);
      const touched: number[] = [];
      for (const x of candidatesOf(segmentIds).xs) {
        if (slices?.due()) await slices.next();
        let previous = -1;
        for (let j = E.outStart[x]!; j < E.outStart[x + 1]!; j++) {
          if (!shown(j)) continue;
          const b = E.outTo[j]!;
          if (b === previous) continue;
          previous = b;
          if (E.opStart[b] === E.opStart[b + 1] || !likeLocal(b)) continue;
          const slot = E.local[b] === LOCAL_TRUE ? n : 0;
          for (let k = E.opStart[b]!; k < E.opStart[b + 1]!; k++) {
            const s = E.opSeg[k]!;
            if (!demand[s] || lastBuyer[s] === b) continue;
            lastBuyer[s] = b;
            if (count[slot + s]!++ === 0) touched.push(slot + s);
          }
        }
        for (const t of touched) {
          const s = t % n;
          rows.push({ id: E.ids[x]!, segmentId: S.ids[s]!, near: t >= n, peerBuyers: count[t]! });
          count[t] = 0;
          lastBuyer[s] = -1;
        }
        touched.length = 0;
      }
      return rows;
    },

    async segmentReach(segmentIds, demandSegments) {
      const demand = demandMask(demandSegments);
      // The buyers of the targets' external enterprises, each once; then per demand segment they operate in, each once.
      const bought = new Uint8Array(E.ids.length);
      for (const t of targetsOf(segmentIds)) {
        for (let k = S.memberStart[t]!; k < S.memberStart[t + 1]!; k++) {
          const x = S.member[k]!;
          if (!isExternal(E.local[x]!)) continue;
          for (let j = E.outStart[x]!; j < E.outStart[x + 1]!; j++) if (shown(j)) bought[E.outTo[j]!] = 1;
          if ((k & 0x3ff) === 0 && slices?.due()) await slices.next();
        }
      }
      const buyers = new Int32Array(S.ids.length);
      const lastBuyer = new Int32Array(S.ids.length).fill(-1);
      for (let b = 0; b < E.ids.length; b++) {
        // a clock read every 65,536 enterprises
        if ((b & 0xffff) === 0 && slices?.due()) await slices.next();
        if (!bought[b]) continue;
        for (let k = E.opStart[b]!; k < E.opStart[b + 1]!; k++) {
          const s = E.opSeg[k]!;
          if (!demand[s] || lastBuyer[s] === b) continue;
          lastBuyer[s] = b;
          buyers[s]! += 1;
        }
      }
      const rows: SegmentReachRow[] = [];
      for (let s = 0; s < S.ids.length; s++) {
        if (buyers[s]! > 0)
          rows.push({ segmentId: S.ids[s]!, name: S.name[s]!, nameEn: S.nameEn[s]!, buyers: buyers[s]!, members: S.memberStart[s + 1]! - S.memberStart[s]! });
      }
      return rows;
    },

    async peerEvidence(ids, demandSegments) {
      const demand = demandMask(demandSegments);
      const rows: { id: string; peerBuyers: PeerBuyer[] }[] = [];
      for (const id of ids) {
        const x = E.index.get(id);
        if (x === undefined || !isExternal(E.local[x]!)) continue;
        const peerBuyers: PeerBuyer[] = [];
        for (let j = E.outStart[x]!; j < E.outStart[x + 1]!; j++) {
          if (!shown(j)) continue;
          const b = E.outTo[j]!;
          for (let k = E.opStart[b]!; k < E.opStart[b + 1]!; k++)
            if (demand[E.opSeg[k]!]) peerBuyers.push({ buyerId: E.ids[b]!, segmentId: S.ids[E.opSeg[k]!]!, near: E.local[b] === LOCAL_TRUE });
        }
        rows.push({ id, peerBuyers });
      }
      return rows;
    },
  };
}
