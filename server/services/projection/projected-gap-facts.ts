import type { SegmentRow, SupplyLink } from '../gaps/classify-gaps.ts';
import type { GapFactsSource, GapScope, LocalsRow, SuppliesRow } from '../gaps/gap-facts-source.ts';
import { areaScope, LOCAL_TRUE, unwindRows, type AnalyticGraph, type AreaScope } from './analytic-graph.ts';

/**
 * The gap analysis's facts from the projection: the rows cypher/read/gaps/
 * would return, computed over the arrays, in the same row multiplicities and
 * list orders (ids ordered by `ORDER BY`, first occurrence for `collect(DISTINCT)`),
 * so that the analysis built on them is identical.
 */
export function projectedGapFacts(g: AnalyticGraph): GapFactsSource {
  const S = g.segments;
  const E = g.enterprises;
  const n = E.ids.length;
  const segmentsOf = (ids: string[]) => ids.flatMap((id) => S.index.get(id) ?? []);
  const scopeOf = (areaIds: string[] | null) => (areaIds === null ? null : areaScope(g, areaIds));
  /** Rows a local buyer gives: `UNWIND $areaIds … (ba {id})<-[:LOCATED_IN]-(b)` with a scope, once without. */
  const buyerRows = (scope: AreaScope | null, b: number) => (E.local[b] !== LOCAL_TRUE ? 0 : scope ? unwindRows(g, scope, b) : 1);
  /** `(b)-[:LOCATED_IN]->(ba:Area) WHERE ba.id IN $areaIds`, rows (the `sold` comprehension). */
  const inScopeRows = (scope: AreaScope | null, b: number) => {
    if (E.local[b] !== LOCAL_TRUE) return 0;
    if (!scope) return 1;
    let k = 0;
    for (let j = E.locStart[b]!; j < E.locStart[b + 1]!; j++) k += scope.member[E.locArea[j]!]!;
    return k;
  };
  const share0 = (k: number) => (Number.isNaN(E.outShare[k]!) ? 0 : E.outShare[k]!);
  const shareOrNull = (k: number) => (Number.isNaN(E.outShare[k]!) ? null : E.outShare[k]!);
  const isLeader = (k: number) => S.memberRole[k] === g.leaderRoleCode || E.leaderTag[S.member[k]!] === 1;
  // Scratch marks for distinct buyers per segment (a stamp per segment, no clearing).
  const seen = new Int32Array(n);
  let stamp = 0;

  return {
    async segments(chainId) {
      let chosen: number[];
      if (chainId === null) chosen = S.ids.map((_, i) => i);
      else {
        const mark = new Uint8Array(S.ids.length);
        for (const s of S.ofChain.get(chainId) ?? []) {
          mark[s] = 1;
          for (const t of S.feedsTo[s]!) mark[t] = 1;
          for (const t of S.feedsFrom[s]!) mark[t] = 1;
        }
        chosen = S.ids.flatMap((_, i) => (mark[i] ? [i] : []));
      }
      return chosen.map((s): SegmentRow => ({
        id: S.ids[s]!,
        name: S.name[s]!,
        nameEn: S.nameEn[s]!,
        stage: S.stage[s]!,
        chainIds: [...S.chainIds[s]!],
        feedsFrom: S.feedsFrom[s]!.map((t) => S.ids[t]!),
        feedsTo: S.feedsTo[s]!.map((t) => S.ids[t]!),
      }));
    },

    async locals(scope: GapScope, limit: number) {
      const areas = scopeOf(scope.areaIds);
      const rowsOut: LocalsRow[] = [];
      for (const s of segmentsOf(scope.segmentIds)) {
        // one row per (area of the scope, OPERATES_IN) of a local enterprise, largest output first, then id
        const rows: number[] = [];
        for (let k = S.memberStart[s]!; k < S.memberStart[s + 1]!; k++) {
          const e = S.member[k]!;
          if (E.local[e] !== LOCAL_TRUE) continue;
          const times = areas ? unwindRows(g, areas, e) : 1;
          for (let t = 0; t < times; t++) rows.push(k);
        }
        if (rows.length === 0) continue;
        rows.sort((a, b) => (E.output[S.member[b]!] ?? 0) - (E.output[S.member[a]!] ?? 0) || S.member[a]! - S.member[b]!);
        let localOutput = 0;
        let outputKnownCount = 0;
        let insideCount = 0;
        let insideShare = 0;
        const ids: string[] = [];
        const leaders: string[] = [];
        const insiders: string[] = [];
        for (const k of rows) {
          const e = S.member[k]!;
          const id = E.ids[e]!;
          localOutput += E.output[e] ?? 0;
          if (E.output[e] != null) outputKnownCount++;
          ids.push(id);
          if (isLeader(k)) leaders.push(id);
          let soldCount = 0;
          let sold = 0.0;
          for (let j = E.outStart[e]!; j < E.outStart[e + 1]!; j++) {
            const times = inScopeRows(areas, E.outTo[j]!);
            for (let t = 0; t < times; t++) sold += share0(j);
            soldCount += times;
          }
          insideCount += soldCount;
          insideShare += sold;
          if (soldCount > 0) insiders.push(id);
        }
        rowsOut.push({
          segmentId: S.ids[s]!,
          localCount: rows.length,
          localOutput,
          outputKnownCount,
          localEnterpriseIds: ids.slice(0, limit),
          leaderCount: leaders.length,
          leaderIds: leaders.slice(0, limit),
          insideCount,
          insideShare,
          insideSupplierIds: insiders,
        });
      }
      return rowsOut;
    },

    async supplies(scope: GapScope, idLimit: number, minShare: number) {
      const areas = scopeOf(scope.areaIds);
      const out: SuppliesRow[] = [];
      for (const s of segmentsOf(scope.segmentIds)) {
        stamp++;
        let supplyCount = 0;
        let totalShare = 0;
        const buyerIds: string[] = [];
        const supplierIds: string[] = [];
        const candidates: [string, string, number | null][] = [];
        // rows ordered by supplier id, then buyer id: members ascend, and so do each supplier's buyers
        for (let k = S.memberStart[s]!; k < S.memberStart[s + 1]!;) {
          const x = S.member[k]!;
          let links = 0; // OPERATES_IN x → s, each a row
          while (k < S.memberStart[s + 1]! && S.member[k] === x) {
            k++;
            links++;
          }
          let supplied = false;
          for (let j = E.outStart[x]!; j < E.outStart[x + 1]!; j++) {
            const b = E.outTo[j]!;
            const times = links * buyerRows(areas, b);
            if (times === 0) continue;
            supplied = true;
            supplyCount += times;
            for (let t = 0; t < times; t++) totalShare += share0(j);
            if (seen[b] !== stamp) {
              seen[b] = stamp;
              buyerIds.push(E.ids[b]!);
            }
            const share = shareOrNull(j);
            if (share !== null && share >= minShare) for (let t = 0; t < times; t++) candidates.push([E.ids[x]!, E.ids[b]!, share]);
          }
          if (supplied) supplierIds.push(E.ids[x]!);
        }
        if (supplyCount === 0) continue;
        out.push({
          segmentId: S.ids[s]!,
          supplyCount,
          totalShare,
          buyerCount: buyerIds.length,
          buyerIds: buyerIds.slice(0, idLimit),
          supplierCount: supplierIds.length,
          supplierIds: supplierIds.slice(0, idLimit),
          candidates,
        });
      }
      return out;
    },

    async supplyRows(scope: GapScope) {
      const areas = scopeOf(scope.areaIds);
      const rows: (SupplyLink & { segmentId: string })[] = [];
      for (const s of segmentsOf(scope.segmentIds)) {
        for (let k = S.memberStart[s]!; k < S.memberStart[s + 1]!; k++) {
          const x = S.member[k]!;
          for (let j = E.outStart[x]!; j < E.outStart[x + 1]!; j++) {
            const b = E.outTo[j]!;
            // EXISTS: a buyer located in several areas of the scope is one row
            if (inScopeRows(areas, b) === 0) continue;
            rows.push({ segmentId: S.ids[s]!, from: E.ids[x]!, to: E.ids[b]!, share: shareOrNull(j) });
          }
        }
      }
      return rows;
    },
  };
}
