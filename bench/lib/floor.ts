import {
  bySupplyShare,
  classifyGaps,
  DEFAULT_THRESHOLDS,
  EVIDENCE_IDS,
  EVIDENCE_SUPPLIES,
  factsFromAggregates,
  type DetectedGap,
  type SegmentAggregates,
  type SegmentRow,
  type SupplyLink,
} from '../../server/services/gaps/classify-gaps.ts';
import { DEFAULT_WEIGHTS, scoreCandidate, type SupplierCandidate } from '../../server/services/suppliers/rank-supplier-candidates.ts';
import { compareRanked, componentValues, FAR_PEER, FEEDS_REACH, poolStats, rawScore, type ScoreFacts } from '../../server/services/suppliers/score.ts';
import type { Buyer, CandidateRow, Fit, PeerBuyer, SegmentLocals } from '../../server/services/suppliers/types.ts';
import type { Store } from '../../server/store/store.ts';
import type { CandidateWeights } from '../../server/services/suppliers/weights.ts';
import { enterpriseIds, readEnterprisePages } from '../../server/services/projection/enterprise-pages.ts';

/**
 * The floor (issue 17): gap analysis and supplier-candidate scores for one chain
 * and one gap computed in plain JavaScript from compact arrays, the data read
 * once out of the store through the import's read queries, in pages of
 * enterprises (outside the timing).
 * Same rules as the product (classifyGaps; componentValues / rawScore /
 * compareRanked / scoreCandidate), same scope (both plan areas: every area). Its time is what
 * the answer costs without an engine; the product's time as a multiple of it
 * says how much is the engine's (and our queries' shape).
 */

interface EnterpriseRec {
  id: string;
  name: string;
  shortName: string | null;
  uscc: string | null;
  output: number | null;
  aboveScale: boolean | null;
  tags: string[] | null;
  local: boolean | null;
  region: string | null;
  province: string | null;
  city: string | null;
  areaIds: string[];
}

export interface FloorData {
  segments: SegmentRow[];
  segmentIndex: Map<string, number>;
  enterprises: EnterpriseRec[];
  enterpriseIndex: Map<string, number>;
  /** Local and LOCATED_IN some Area (the scope "every area"). */
  localInScope: Uint8Array;
  /** Per segment: member enterprises and their OPERATES_IN role, in read order. */
  members: { e: Int32Array; role: (string | null)[] }[];
  /** Per enterprise: segments it OPERATES_IN and the role there. */
  operates: { s: number; role: string | null }[][];
  /** SUPPLIES as CSR by supplier: out[outStart[x] .. outStart[x+1]) are indexes into to/share/product. */
  outStart: Int32Array;
  to: Int32Array;
  share: Float64Array;
  shareNull: Uint8Array;
  product: (string | null)[];
  readMs: number;
  rows: number;
}

/** Reads segments, enterprises, OPERATES_IN and SUPPLIES once into arrays. */
export async function readFloorData(store: Store): Promise<FloorData> {
  const t0 = performance.now();
  const [segments, ids] = await Promise.all([store.run<SegmentRow>('read/gaps/segments', { chainId: null }), enterpriseIds(store)]);
  // in pages of enterprises, as the projection reads them (at tier L a whole-store read outlasts Grafeo's 30 s query limit)
  const enterprises: EnterpriseRec[] = [];
  await readEnterprisePages<EnterpriseRec>(store, 'read/import/enterprise-page', ids, (rows) => {
    for (const { id, name, shortName, uscc, output, aboveScale, tags, local, region, province, city, areaIds } of rows)
      enterprises.push({ id, name, shortName, uscc, output, aboveScale, tags, local, region, province, city, areaIds });
  });
  const ops: { enterprise: string; segment: string; role: string | null }[] = [];
  await readEnterprisePages<(typeof ops)[number]>(store, 'read/import/operates-in-page', ids, (rows) => {
    for (const r of rows) ops.push(r);
  });
  const supplies: { supplier: string; buyer: string; product: string | null; share: number | null }[] = [];
  await readEnterprisePages<(typeof supplies)[number]>(store, 'read/import/supplies-page', ids, (rows) => {
    for (const r of rows) supplies.push(r);
  });
  // Pattern comprehensions come back in the engine's order (Neo4j's differs from Grafeo's): sort as the product does.
  for (const s of segments) for (const list of [s.chainIds, s.feedsFrom, s.feedsTo]) list.sort();
  const segmentIndex = new Map(segments.map((s, i) => [s.id, i]));
  const enterpriseIndex = new Map(enterprises.map((e, i) => [e.id, i]));
  const n = enterprises.length;
  const localInScope = new Uint8Array(n);
  enterprises.forEach((e, i) => {
    e.areaIds = (e.areaIds ?? []).filter(Boolean);
    localInScope[i] = e.local === true && e.areaIds.length > 0 ? 1 : 0;
  });
  const memberLists = segments.map(() => ({ e: [] as number[], role: [] as (string | null)[] }));
  const operates: { s: number; role: string | null }[][] = enterprises.map(() => []);
  for (const o of ops) {
    const s = segmentIndex.get(o.segment);
    const e = enterpriseIndex.get(o.enterprise);
    if (s === undefined || e === undefined) continue;
    memberLists[s]!.e.push(e);
    memberLists[s]!.role.push(o.role);
    operates[e]!.push({ s, role: o.role });
  }
  const outStart = new Int32Array(n + 1);
  const from = new Int32Array(supplies.length);
  supplies.forEach((r, k) => {
    from[k] = enterpriseIndex.get(r.supplier)!;
    outStart[from[k]! + 1]!++;
  });
  for (let i = 0; i < n; i++) outStart[i + 1]! += outStart[i]!;
  const fill = outStart.slice(0, n);
  const to = new Int32Array(supplies.length);
  const share = new Float64Array(supplies.length);
  const shareNull = new Uint8Array(supplies.length);
  const product: (string | null)[] = new Array(supplies.length);
  supplies.forEach((r, k) => {
    const at = fill[from[k]!]!++;
    to[at] = enterpriseIndex.get(r.buyer)!;
    share[at] = r.share ?? 0;
    shareNull[at] = r.share === null || r.share === undefined ? 1 : 0;
    product[at] = r.product;
  });
  return {
    segments,
    segmentIndex,
    enterprises,
    enterpriseIndex,
    localInScope,
    members: memberLists.map((m) => ({ e: Int32Array.from(m.e), role: m.role })),
    operates,
    outStart,
    to,
    share,
    shareNull,
    product,
    readMs: performance.now() - t0,
    rows: segments.length + enterprises.length + ops.length + supplies.length,
  };
}

/** The segments of a chain and their FEEDS neighbours (read/gaps/segments), by id order. */
function chainSegments(d: FloorData, chainId: string | null): SegmentRow[] {
  if (chainId === null) return d.segments;
  const own = new Set(d.segments.filter((s) => s.chainIds.includes(chainId)).map((s) => s.id));
  return d.segments.filter((s) => own.has(s.id) || s.feedsFrom.some((x) => own.has(x)) || s.feedsTo.some((x) => own.has(x)));
}

const isLeader = (d: FloorData, e: number, role: string | null) => role === 'leader' || (d.enterprises[e]!.tags ?? []).includes('链主');

/** One segment's aggregates as gap-analysis.ts builds them (scope: every area). */
function aggregates(d: FloorData, seg: SegmentRow): SegmentAggregates {
  const m = d.members[d.segmentIndex.get(seg.id)!]!;
  const ent = d.enterprises;
  const locals: { e: number; role: string | null }[] = [];
  for (let k = 0; k < m.e.length; k++) if (d.localInScope[m.e[k]!]) locals.push({ e: m.e[k]!, role: m.role[k]! });
  locals.sort((a, b) => (ent[b.e]!.output ?? 0) - (ent[a.e]!.output ?? 0) || (ent[a.e]!.id < ent[b.e]!.id ? -1 : 1));
  let localOutput = 0;
  let outputKnownCount = 0;
  const leaders: string[] = [];
  const insiders = new Set<number>();
  let insideCount = 0;
  let insideShare = 0;
  for (const l of locals) {
    localOutput += ent[l.e]!.output ?? 0;
    if (ent[l.e]!.output != null) outputKnownCount++;
    if (isLeader(d, l.e, l.role)) leaders.push(ent[l.e]!.id);
    for (let k = d.outStart[l.e]!; k < d.outStart[l.e + 1]!; k++) {
      if (!d.localInScope[d.to[k]!]) continue;
      insideCount++;
      insideShare += d.share[k]!;
      insiders.add(l.e);
    }
  }
  let supplyCount = 0;
  let totalShare = 0;
  const buyers = new Set<number>();
  const suppliers = new Set<number>();
  const outside: SupplyLink[] = [];
  const outsideSuppliers = new Set<number>();
  for (let i = 0; i < m.e.length; i++) {
    const x = m.e[i]!;
    for (let k = d.outStart[x]!; k < d.outStart[x + 1]!; k++) {
      const b = d.to[k]!;
      if (!d.localInScope[b]) continue;
      supplyCount++;
      totalShare += d.share[k]!;
      buyers.add(b);
      suppliers.add(x);
      if (!insiders.has(x)) {
        outside.push({ from: ent[x]!.id, to: ent[b]!.id, share: d.shareNull[k] ? null : d.share[k]! });
        outsideSuppliers.add(x);
      }
    }
  }
  const outsideSupplyCount = supplyCount - insideCount;
  return {
    ...seg,
    localCount: locals.length,
    localOutput,
    outputKnownCount,
    localEnterpriseIds: locals.slice(0, EVIDENCE_IDS).map((l) => ent[l.e]!.id),
    leaderCount: leaders.length,
    leaderIds: leaders.slice(0, EVIDENCE_IDS),
    supplyCount,
    totalShare,
    outsideSupplyCount,
    outsideShareSum: outsideSupplyCount === 0 ? 0 : Math.max(0, totalShare - insideShare),
    localBuyerCount: buyers.size,
    localBuyerIds: [...buyers].slice(0, EVIDENCE_IDS).map((b) => ent[b]!.id),
    externalSupplierCount: suppliers.size - insiders.size,
    externalSupplierIds: [...outsideSuppliers].slice(0, EVIDENCE_IDS).map((x) => ent[x]!.id),
    outsideSupplies: outside.sort(bySupplyShare).slice(0, EVIDENCE_SUPPLIES),
  };
}

/** 补链 / 延链 / 强链 of one chain (every chain when null), default thresholds, every area. */
export function floorGapAnalysis(d: FloorData, chainId: string | null): DetectedGap[] {
  const rows = chainSegments(d, chainId).map((s) => aggregates(d, s));
  const facts = new Map(rows.map((r) => [r.id, factsFromAggregates(r, DEFAULT_THRESHOLDS)]));
  const inScope = rows.filter((r) => chainId === null || r.chainIds.includes(chainId)).map((r) => r.id);
  return classifyGaps(facts, inScope, null, DEFAULT_THRESHOLDS);
}

/**
 * Supplier candidates for a segment, scope every area (a gap id ending in :all),
 * with the weights given (the product's: fitted on the store's links, else the defaults): every candidate scored and ranked by the product's rules
 * (componentValues, rawScore, compareRanked over the facts rankCandidates
 * reads), then the first `first` with reasons and paths (scoreCandidate over
 * the row rankSupplierCandidates builds from candidate-evidence).
 */
export function floorCandidates(
  d: FloorData,
  segmentId: string,
  first: number,
  weights: CandidateWeights = DEFAULT_WEIGHTS,
): { totalCount: number; page: SupplierCandidate[] } {
  const ent = d.enterprises;
  const seg = d.segments;
  const t = d.segmentIndex.get(segmentId);
  if (t === undefined) return { totalCount: 0, page: [] };
  const feedsTo = (s: number) => seg[s]!.feedsTo.flatMap((id) => d.segmentIndex.get(id) ?? []);
  const feedsFrom = (s: number) => seg[s]!.feedsFrom.flatMap((id) => d.segmentIndex.get(id) ?? []);
  const hasArea = (e: number) => ent[e]!.areaIds.length > 0;

  // read/suppliers/segment-locals (any Area): local enterprises located somewhere, and whether one is a 链主 there
  const locals = new Map<string, SegmentLocals>();
  seg.forEach((s, i) => {
    const m = d.members[i]!;
    const ids: string[] = [];
    let leader = false;
    for (let k = 0; k < m.e.length; k++) {
      const e = m.e[k]!;
      if (ent[e]!.local !== true || !hasArea(e)) continue;
      ids.push(ent[e]!.id);
      leader ||= isLeader(d, e, m.role[k]!);
    }
    if (ids.length) locals.set(s.id, { localIds: [...new Set(ids.sort())], leader });
  });
  // demand (rankCandidates): every segment with local enterprises, weighted by its share of them × its reach
  // (distinct enterprises there the target's external producers supply ÷ its OPERATES_IN, + FEEDS_REACH for the
  // target and the segments it FEEDS); the FEEDS segments alone when there are no local enterprises
  const feedsDemand = [...new Set([t, ...feedsTo(t)])];
  const totalLocals = [...locals.values()].reduce((n, l) => n + l.localIds.length, 0);
  const localShare = new Map<number, number>();
  if (totalLocals > 0) for (const [id, l] of locals) localShare.set(d.segmentIndex.get(id)!, l.localIds.length / totalLocals);
  else for (const s of feedsDemand) localShare.set(s, 1 / feedsDemand.length);
  const bought = new Set<number>();
  for (const x of d.members[t]!.e) if (ent[x]!.local !== true) for (let k = d.outStart[x]!; k < d.outStart[x + 1]!; k++) bought.add(d.to[k]!);
  const reachBuyers = new Map<number, Set<number>>();
  for (const b of bought) for (const o of d.operates[b]!) if (localShare.has(o.s)) reachBuyers.set(o.s, (reachBuyers.get(o.s) ?? new Set<number>()).add(b));
  const share = new Map<number, number>();
  for (const [s, sh] of localShare) {
    const w = sh * ((reachBuyers.get(s)?.size ?? 0) / d.members[s]!.e.length + (feedsDemand.includes(s) ? FEEDS_REACH : 0));
    if (w > 0) share.set(s, w);
  }
  const demand = [...new Set([...feedsDemand, ...reachBuyers.keys()])];

  // candidates: external enterprises in the target or a sibling (FEEDS a segment the target FEEDS)
  const via = new Set([t, ...feedsTo(t).flatMap(feedsFrom)]);
  const direct = new Map<number, boolean>();
  for (const s of via) for (const e of d.members[s]!.e) if (ent[e]!.local !== true) direct.set(e, (direct.get(e) ?? false) || s === t);
  const facts: ScoreFacts[] = [];
  for (const [x, isDirect] of direct) {
    let localBuyers = 0;
    const peers = new Map<number, Set<number>>();
    for (let k = d.outStart[x]!; k < d.outStart[x + 1]!; k++) {
      const b = d.to[k]!;
      if (ent[b]!.local === true && hasArea(b)) localBuyers++;
      // like the local buyers: not local (a missing flag is unknown in Cypher: not counted)
      if (ent[b]!.local !== false) continue;
      for (const o of d.operates[b]!) {
        if (!share.has(o.s)) continue;
        const set = peers.get(o.s) ?? new Set<number>();
        peers.set(o.s, set.add(b));
      }
    }
    let peerBuyers = 0;
    let peerAffinity = 0;
    for (const [s, set] of peers) {
      peerBuyers += set.size;
      // scope "every area": a local buyer is never like-local here, so every one counted is far
      peerAffinity += set.size * share.get(s)! * FAR_PEER;
    }
    const e = ent[x]!;
    facts.push({
      id: e.id,
      name: e.name,
      region: e.region,
      output: e.output,
      aboveScale: e.aboveScale,
      tags: e.tags ?? [],
      leaderRole: d.operates[x]!.some((o) => o.role === 'leader'),
      direct: isDirect,
      localBuyers,
      peerBuyers,
      peerAffinity,
      customers: d.outStart[x + 1]! - d.outStart[x]!,
    });
  }
  const pool = poolStats(facts);
  const ranked = facts.map((f) => ({ facts: f, raw: rawScore(componentValues(f, pool), weights) })).sort(compareRanked);
  const segmentNames = new Map(demand.map((s) => [seg[s]!.id, seg[s]!.name]));
  const segmentNamesEn = new Map(demand.map((s) => [seg[s]!.id, seg[s]!.nameEn ?? null]));

  // the page: each candidate's fits, local buyers and buyers like them, as candidate-evidence and candidateRow give them
  const page = ranked.slice(0, first).map(({ facts: f }, i): SupplierCandidate => {
    const x = d.enterpriseIndex.get(f.id)!;
    const e = ent[x]!;
    const fits: Fit[] = [];
    for (const o of d.operates[x]!) {
      if (!via.has(o.s)) continue;
      const s = seg[o.s]!;
      const downstreamIds =
        o.s === t
          ? []
          : [
              ...new Set(
                feedsTo(o.s)
                  .filter((dn) => feedsTo(t).includes(dn))
                  .map((dn) => seg[dn]!.id),
              ),
            ].sort();
      fits.push({ segmentId: s.id, segmentName: s.name, segmentNameEn: s.nameEn, role: o.role, targetId: segmentId, direct: o.s === t, downstreamIds });
    }
    fits.sort((a, b) => Number(b.direct) - Number(a.direct) || a.segmentId.localeCompare(b.segmentId));
    const localBuyers: Buyer[] = [];
    const peerBuyers: PeerBuyer[] = [];
    for (let k = d.outStart[x]!; k < d.outStart[x + 1]!; k++) {
      const b = ent[d.to[k]!]!;
      if (b.local === true && b.areaIds.length > 0)
        localBuyers.push({ id: b.id, name: b.name, share: d.shareNull[k] ? null : d.share[k]!, product: d.product[k]! });
    }
    localBuyers.sort((a, b) => a.id.localeCompare(b.id));
    const scopeBuyers = new Set(localBuyers.map((b) => b.id));
    for (let k = d.outStart[x]!; k < d.outStart[x + 1]!; k++) {
      const b = d.to[k]!;
      if (scopeBuyers.has(ent[b]!.id)) continue;
      for (const o of d.operates[b]!) if (share.has(o.s)) peerBuyers.push({ buyerId: ent[b]!.id, segmentId: seg[o.s]!.id, near: ent[b]!.local === true });
    }
    peerBuyers.sort((a, b) => Number(b.near) - Number(a.near) || a.buyerId.localeCompare(b.buyerId) || a.segmentId.localeCompare(b.segmentId));
    const row: CandidateRow = {
      facts: f,
      shortName: e.shortName,
      uscc: e.uscc,
      province: e.province,
      city: e.city,
      sample: null,
      fits,
      localBuyers,
      peerBuyers,
    };
    return scoreCandidate(row, { pool, locals, segmentNames, segmentNamesEn, fedSegments: new Set(feedsDemand.map((s) => seg[s]!.id)) }, weights, i + 1);
  });
  return { totalCount: ranked.length, page };
}
