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
import type { Store } from '../../server/store/store.ts';

/**
 * The floor (issue 17): gap analysis and supplier-candidate scores for one chain
 * and one gap computed in plain JavaScript from compact arrays, the data read
 * once out of the store through the import's read queries (outside the timing).
 * Same rules as the product (classifyGaps, componentValues / scoreOf /
 * scoreCandidate), same scope (both plan areas: every area). Its time is what
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
  const [segments, enterprises, ops, supplies] = await Promise.all([
    store.run<SegmentRow>('read/gaps/segments', { chainId: null }),
    store.run<EnterpriseRec>('read/import/enterprises'),
    store.run<{ enterprise: string; segment: string; role: string | null }>('read/import/operates-in'),
    store.run<{ supplier: string; buyer: string; product: string | null; share: number | null }>('read/import/supplies'),
  ]);
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

/** Candidates for a segment (every area), scored and ranked; the first `first` with reasons and paths as the product builds them. */
