import type { Overrides } from '../../model/overrides.ts';
import { analysisCache } from '../analysis-cache.ts';
import type { Store } from '../../store/store.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { feedsEdgeId, supplyEdgeId } from '../gaps/classify-gaps.ts';
import { getSavedGap } from '../gaps/saved-gaps.ts';
import { areaScopeIds } from '../areas/area-scope.ts';

/**
 * Weights of the candidate score (any non-negative numbers; the score is
 * Σ value × weight / Σ weight × 100). Defaults sum to 100.
 */
export interface CandidateWeights {
  /** Already SUPPLIES local enterprises of the area scope. */
  suppliesLocal: number;
  /** SUPPLIES non-local enterprises that compete with local ones (same segment). */
  suppliesPeers: number;
  /** anhui 1, yrd 0.6, other 0.2. */
  region: number;
  /** 规上 0.4 + 0.6 × min(1, output / scaleOutput). */
  scale: number;
  /** 专精特新 0.4 + 小巨人 0.4 + 高新技术 0.2, at most 1. */
  qualifications: number;
  /** 链主 elsewhere: OPERATES_IN role leader or tag 链主. */
  leaderElsewhere: number;
  /** Operates in the segment itself (1) or in a sibling that FEEDS the same downstream segment (0.5). */
  segmentFit: number;
}

export const DEFAULT_WEIGHTS: CandidateWeights = {
  suppliesLocal: 25,
  suppliesPeers: 20,
  region: 15,
  scale: 15,
  qualifications: 10,
  leaderElsewhere: 5,
  segmentFit: 10,
};

/** Output (万元) that earns the full output part of the scale component: 100 000 万元 = 10 亿元. */
export const SCALE_OUTPUT = 100_000;
export const MAX_PAGE = 200;
const REGION_VALUE: Record<string, number> = { local: 1, anhui: 1, yrd: 0.6, other: 0.2 };

interface Fit {
  segmentId: string;
  segmentName: string;
  role: string | null;
  targetId: string;
  direct: boolean;
  downstreamIds: string[];
}
interface Buyer {
  id: string;
  name: string;
  share: number | null;
  product: string | null;
}
/**
 * A non-local buyer the candidate SUPPLIES, one segment it operates in, and the
 * local enterprises of the area scope in that segment (its competitors): one
 * entry stands for the (buyer, segment, local enterprise) triples of the
 * segment, which are many at scale.
 */
interface Peer {
  buyerId: string;
  segmentId: string;
  localIds: string[];
  /** One of localIds is a 链主 there (OPERATES_IN role leader or tag 链主). */
  localLeader: boolean;
}
/** Everything one candidate's score, reasons and path are computed from. */
export interface CandidateRow {
  id: string;
  name: string;
  shortName: string | null;
  uscc: string | null;
  region: string | null;
  province: string | null;
  city: string | null;
  output: number | null;
  aboveScale: boolean | null;
  tags: string[];
  sample: boolean | null;
  leaderRole: boolean;
  fits: Fit[];
  localBuyers: Buyer[];
  peers: Peer[];
}

export interface ScoreComponent {
  name: string;
  value: number;
  weight: number;
  /** One line a user can read: what earned the value. */
  detail: string;
}

export interface SupplierCandidate {
  rank: number;
  enterpriseId: string;
  name: string;
  shortName: string | null;
  uscc: string | null;
  region: string | null;
  province: string | null;
  city: string | null;
  output: number | null;
  aboveScale: boolean;
  tags: string[];
  sample: boolean;
  /** Segments it operates in that make it a candidate. */
  segmentIds: string[];
  segmentNames: string[];
  score: number;
  components: ScoreComponent[];
  reasonZh: string;
  reasonEn: string;
  /** Node and edge ids to highlight: the candidate, its segments, local buyers, peers' local competitors. */
  path: { nodeIds: string[]; edgeIds: string[] };
}

export interface CandidatePage {
  segmentIds: string[];
  areaId: string | null;
  weights: CandidateWeights;
  totalCount: number;
  candidates: SupplierCandidate[];
  /** Cursor of the last candidate of the page; pass as `after` for the next page. */
  endCursor: string | null;
  hasNextPage: boolean;
}

const operatesEdgeId = (from: string, to: string) => `OPERATES_IN:${from}->${to}`;
const round2 = (x: number) => Math.round(x * 100) / 100;
const uniq = <T>(xs: T[]) => [...new Set(xs)];
const REGION_ZH: Record<string, string> = { anhui: '安徽省内', yrd: '长三角', other: '其他地区', local: '本地' };
const REGION_EN: Record<string, string> = { anhui: 'in Anhui', yrd: 'in the Yangtze River Delta', other: 'outside the region', local: 'local' };

export function resolveWeights(input: Overrides<CandidateWeights> | null | undefined): CandidateWeights {
  const w = { ...DEFAULT_WEIGHTS };
  for (const [k, v] of Object.entries(input ?? {})) {
    if (v == null) continue;
    if (!(v >= 0)) throw new ValidationError(`weights.${k} must be ≥ 0`, `weights.${k}`);
    (w as Record<string, number>)[k] = v;
  }
  if (Object.values(w).every((v) => v === 0)) throw new ValidationError('at least one weight must be > 0', 'weights');
  return w;
}

/** The facts the score depends on: what every candidate needs before ranking (evidence lists only for the page). */
interface ScoreFacts {
  region: string | null;
  output: number | null;
  aboveScale: boolean | null;
  tags: string[];
  leaderRole: boolean;
  /** Operates in a target segment itself (not only in a sibling). */
  direct: boolean;
  /** SUPPLIES to local enterprises of the area scope. */
  localBuyers: number;
  /** Distinct non-local buyers operating in a segment with a local enterprise. */
  peerBuyers: number;
  /** Of those, buyers in a segment with a local 链主. */
  leaderPeerBuyers: number;
}

type ComponentValues = Record<keyof CandidateWeights, number>;

function componentValues(f: ScoreFacts): ComponentValues {
  const tags = f.tags ?? [];
  return {
    suppliesLocal: round2(Math.min(1, f.localBuyers / 2)),
    suppliesPeers: round2(Math.min(1, f.peerBuyers / 3)),
    region: REGION_VALUE[f.region ?? 'other'] ?? 0.2,
    scale: round2((f.aboveScale ? 0.4 : 0) + 0.6 * Math.min(1, (f.output ?? 0) / SCALE_OUTPUT)),
    qualifications: round2(Math.min(1, (tags.includes('专精特新') ? 0.4 : 0) + (tags.includes('小巨人') ? 0.4 : 0) + (tags.includes('高新技术') ? 0.2 : 0))),
    leaderElsewhere: f.leaderRole || tags.includes('链主') ? 1 : 0,
    segmentFit: f.direct ? 1 : 0.5,
  };
}

const COMPONENT_ORDER: (keyof CandidateWeights)[] = ['suppliesLocal', 'suppliesPeers', 'region', 'scale', 'qualifications', 'leaderElsewhere', 'segmentFit'];

/** round(100 × Σ value × weight ÷ Σ weight, 2), summed in the components' order. */
function scoreOf(v: ComponentValues, w: CandidateWeights): number {
  let total = 0;
  let sum = 0;
  for (const k of COMPONENT_ORDER) {
    total += w[k];
    sum += v[k] * w[k];
  }
  return round2((100 * sum) / total);
}

function scoreComponents(f: ScoreFacts, w: CandidateWeights): { components: ScoreComponent[]; score: number } {
  const v = componentValues(f);
  const tags = f.tags ?? [];
  const qualTags = tags.filter((t) => ['专精特新', '小巨人', '高新技术'].includes(t));
  const detail: Record<keyof CandidateWeights, string> = {
    suppliesLocal: `${f.localBuyers} local buyer(s)`,
    suppliesPeers: `${f.peerBuyers} buyer(s) competing with local enterprises, ${f.leaderPeerBuyers} with a local 链主`,
    region: f.region ?? 'other',
    scale: `${f.aboveScale ? '规上, ' : ''}output ${f.output ?? 0} 万元`,
    qualifications: qualTags.join(', ') || 'none',
    leaderElsewhere: v.leaderElsewhere ? '链主' : 'no',
    segmentFit: f.direct ? 'same segment' : 'feeds the same downstream segment',
  };
  const components = COMPONENT_ORDER.map((name) => ({ name, value: v[name], weight: w[name], detail: detail[name] }));
  return { components, score: scoreOf(v, w) };
}

/** Scores one candidate; pure, so ranking rules are unit-tested without a store. */
export function scoreCandidate(row: CandidateRow, w: CandidateWeights): Omit<SupplierCandidate, 'rank'> {
  const fits = row.fits;
  const buyers = row.localBuyers.filter((b) => b && b.id);
  const peers = row.peers.filter((p) => p && p.buyerId && p.localIds.length);
  const peerBuyers = uniq(peers.map((p) => p.buyerId));
  const leaderPeers = uniq(peers.filter((p) => p.localLeader).map((p) => p.buyerId));
  const tags = row.tags ?? [];
  const direct = fits.some((f) => f.direct);
  const region = row.region ?? 'other';
  const qualTags = tags.filter((t) => ['专精特新', '小巨人', '高新技术'].includes(t));
  const leader = row.leaderRole || tags.includes('链主');
  const { components, score } = scoreComponents(
    {
      region: row.region,
      output: row.output,
      aboveScale: row.aboveScale,
      tags,
      leaderRole: row.leaderRole,
      direct,
      localBuyers: buyers.length,
      peerBuyers: peerBuyers.length,
      leaderPeerBuyers: leaderPeers.length,
    },
    w,
  );

  const zh: string[] = [];
  const en: string[] = [];
  const fit = fits.find((f) => f.direct) ?? fits[0];
  if (fit) {
    zh.push(direct ? `从事${fit.segmentName}环节` : `从事${fit.segmentName}环节（与目标环节供应同一下游）`);
    en.push(direct ? `operates in ${fit.segmentName}` : `operates in ${fit.segmentName}, which feeds the same downstream segment`);
  }
  if (buyers.length) {
    zh.push(`已向本地${buyers.map((b) => b.name).join('、')}供货`);
    en.push(`already supplies local ${buyers.map((b) => b.name).join(', ')}`);
  }
  if (peerBuyers.length) {
    const who = leaderPeers.length ? `我方链主企业的${leaderPeers.length}家竞争对手` : `${peerBuyers.length}家与本地企业同环节的企业`;
    zh.push(`供货给${who}`);
    en.push(leaderPeers.length ? `supplies ${leaderPeers.length} competitor(s) of our 链主` : `supplies ${peerBuyers.length} competitor(s) of local enterprises`);
  }
  zh.push(REGION_ZH[region] ?? region);
  en.push(REGION_EN[region] ?? region);
  if (row.aboveScale) {
    zh.push('规上企业');
    en.push('above designated size (规上)');
  }
  if (qualTags.length) {
    zh.push(qualTags.join('、'));
    en.push(qualTags.join(', '));
  }
  if (leader) {
    zh.push('在其他链条为链主企业');
    en.push('a chain leader (链主) elsewhere');
  }

  // Sets keep insertion order: the same ids, in the same order, as pushing to arrays and dropping repeats.
  const nodeIds = new Set([row.id]);
  const edgeIds = new Set<string>();
  const push = (set: Set<string>, ...ids: string[]) => ids.forEach((id) => set.add(id));
  for (const f of fits) {
    push(nodeIds, f.segmentId);
    push(edgeIds, operatesEdgeId(row.id, f.segmentId));
    if (!f.direct) {
      push(nodeIds, f.targetId);
      for (const d of f.downstreamIds) {
        push(nodeIds, d);
        push(edgeIds, feedsEdgeId(f.segmentId, d), feedsEdgeId(f.targetId, d));
      }
    }
  }
  for (const b of buyers) {
    push(nodeIds, b.id);
    push(edgeIds, supplyEdgeId(row.id, b.id));
  }
  // Per (buyer, segment, local): buyer, segment, local and the three edges. Once a segment's locals have all
  // been added, a further buyer in it adds only itself and its two edges (the rest would be repeats).
  const expanded = new Set<string>();
  for (const p of peers) {
    const supply = supplyEdgeId(row.id, p.buyerId);
    const operates = operatesEdgeId(p.buyerId, p.segmentId);
    const n = expanded.has(p.segmentId) ? 1 : p.localIds.length;
    for (let i = 0; i < n; i++) {
      const localId = p.localIds[i]!;
      nodeIds.add(p.buyerId).add(p.segmentId).add(localId);
      edgeIds.add(supply).add(operates).add(operatesEdgeId(localId, p.segmentId));
    }
    expanded.add(p.segmentId);
  }
  return {
    enterpriseId: row.id,
    name: row.name,
    shortName: row.shortName,
    uscc: row.uscc,
    region: row.region,
    province: row.province,
    city: row.city,
    output: row.output,
    aboveScale: row.aboveScale === true,
    tags,
    sample: row.sample === true,
    segmentIds: uniq(fits.map((f) => f.segmentId)),
    segmentNames: uniq(fits.map((f) => f.segmentName)),
    score,
    components,
    reasonZh: `${row.shortName ?? row.name}：${zh.join('；')}。`,
    reasonEn: `${row.name}: ${en.join('; ')}.`,
    path: { nodeIds: [...nodeIds], edgeIds: [...edgeIds] },
  };
}

/** Ties break by enterprise id: the order of `String.prototype.localeCompare` (same default locale), without its per-call setup. */
const byId = new Intl.Collator();

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');
function decodeCursor(after: string | null | undefined): number {
  if (!after) return 0;
  const m = /^offset:(\d+)$/.exec(Buffer.from(after, 'base64').toString('utf8'));
  if (!m) throw new ValidationError(`after is not a cursor from this query ('${after}')`, 'after');
  return Number(m[1]) + 1;
}

/** Segment and area to search for, from a segment id or a gap id (saved, or a detected gap's deterministic id). */
async function resolveTarget(store: Store, segmentId: string | null, gapId: string | null, areaId: string | null) {
  if (gapId) {
    const saved = await getSavedGap(store, gapId);
    if (saved) return { segmentIds: [saved.segmentId], areaId: saved.areaId };
    const m = /^gap:(fill|extend|strengthen):(.+):([^:]+:[^:]+|all)$/.exec(gapId);
    if (!m) throw new NotFoundError('Gap', gapId);
    return { segmentIds: [m[2]!], areaId: m[3] === 'all' ? null : m[3]! };
  }
  if (!segmentId) throw new ValidationError('give segmentId or gapId', 'segmentId');
  return { segmentIds: [segmentId], areaId };
}

interface FactsRow {
  id: string;
  region: string | null;
  output: number | null;
  aboveScale: boolean | null;
  tags: string[];
  direct: boolean;
  leaderRole: boolean;
}
interface EvidenceRow {
  id: string;
  name: string;
  shortName: string | null;
  uscc: string | null;
  province: string | null;
  city: string | null;
  sample: boolean | null;
  fits: Fit[];
  /** One entry per SUPPLIES and Area the buyer is LOCATED_IN, unscoped. */
  localBuyers: (Buyer & { supplyId: string; areaId: string })[];
  externalBuyerSegments: { buyerId: string; segmentId: string }[];
}
interface SegmentLocals {
  localIds: string[];
  /** One of them is a 链主 there. */
  leader: boolean;
}

/**
 * The page's evidence as the row `scoreCandidate` takes: local buyers in the
 * scope (one per SUPPLIES, as many as `read/suppliers/candidate-local-buyers`
 * counts), and a peer for every (non-local buyer, one of its segments) where
 * local enterprises operate.
 */
function candidateRow(facts: FactsRow, ev: EvidenceRow, areaIds: Set<string> | null, locals: Map<string, SegmentLocals>): CandidateRow {
  const seen = new Set<string>();
  const localBuyers: Buyer[] = [];
  for (const b of [...ev.localBuyers].sort((x, y) => x.id.localeCompare(y.id) || x.areaId.localeCompare(y.areaId))) {
    if (seen.has(b.supplyId) || (areaIds && !areaIds.has(b.areaId))) continue;
    seen.add(b.supplyId);
    localBuyers.push({ id: b.id, name: b.name, share: b.share, product: b.product });
  }
  const peers: Peer[] = [];
  const byBuyer = (x: { buyerId: string; segmentId: string }, y: { buyerId: string; segmentId: string }) => x.buyerId.localeCompare(y.buyerId) || x.segmentId.localeCompare(y.segmentId);
  for (const e of [...ev.externalBuyerSegments].sort(byBuyer)) {
    const seg = locals.get(e.segmentId);
    if (seg?.localIds.length) peers.push({ buyerId: e.buyerId, segmentId: e.segmentId, localIds: seg.localIds, localLeader: seg.leader });
  }
  return {
    ...ev,
    region: facts.region,
    output: facts.output,
    aboveScale: facts.aboveScale,
    tags: facts.tags,
    leaderRole: facts.leaderRole,
    // The target segment first, then siblings by id: the engines list a node's relationships in different orders.
    fits: ev.fits
      .map((f) => ({ ...f, downstreamIds: uniq(f.downstreamIds).sort() }))
      .sort((a, b) => Number(b.direct) - Number(a.direct) || a.segmentId.localeCompare(b.segmentId)),
    localBuyers,
    peers,
  };
}

/**
 * Ranks external enterprises that could fill a segment (or a gap's segment):
 * those operating in it or in a segment that FEEDS the same downstream
 * segment. Every candidate is scored from aggregated facts (a few rows per
 * candidate, no evidence lists), then ranked and paginated; only the page's
 * candidates have their evidence (reasons, path) read.
 */
/** Scores every candidate of the target segments for the area scope, best first. */
async function rankAll(store: Store, segmentIds: string[], areaId: string | null, weights: CandidateWeights) {
  // The area scope as ids (the area and every area PART_OF it), or null for every area.
  const areaIds = areaId ? await areaScopeIds(store, areaId) : null;
  const locals = new Map<string, SegmentLocals>();
  const localSegments: Record<string, true> = {};
  for (const r of await store.run<{ segmentId: string; localIds: string[]; leaders: number }>('read/suppliers/segment-locals', { areaIds })) {
    const seg = { localIds: uniq(r.localIds), leader: Number(r.leaders) > 0 };
    locals.set(r.segmentId, seg);
    if (seg.localIds.length) localSegments[r.segmentId] = true;
  }
  const facts = await store.run<FactsRow>('read/suppliers/candidate-facts', { segmentIds });
  const localBuyers = new Map(
    (await store.run<{ id: string; localBuyers: number }>('read/suppliers/candidate-local-buyers', { segmentIds, areaIds })).map((r) => [r.id, Number(r.localBuyers)]),
  );
  const peerBuyers = new Map(
    (await store.run<{ id: string; peerBuyers: number }>('read/suppliers/candidate-peer-buyers', { segmentIds, localSegments })).map((r) => [
      r.id,
      Number(r.peerBuyers),
    ]),
  );
  const ranked = facts
    .map((f) => {
      // (leaderPeerBuyers only words a detail: read for the page from its evidence)
      const v = componentValues({ ...f, localBuyers: localBuyers.get(f.id) ?? 0, peerBuyers: peerBuyers.get(f.id) ?? 0, leaderPeerBuyers: 0 });
      return { facts: f, score: scoreOf(v, weights) };
    })
    .sort((a, b) => b.score - a.score || byId.compare(a.facts.id, b.facts.id));

  return { areaIds, locals, ranked };
}

export async function rankSupplierCandidates(
  store: Store,
  args: {
    segmentId?: string | null;
    gapId?: string | null;
    areaId?: string | null;
    weights?: Overrides<CandidateWeights> | null;
    first?: number | null;
    after?: string | null;
  },
): Promise<CandidatePage> {
  const first = args.first ?? 50;
  if (!(Number.isInteger(first) && first >= 1 && first <= MAX_PAGE)) {
    throw new ValidationError(`first must be between 1 and ${MAX_PAGE}`, 'first');
  }
  const weights = resolveWeights(args.weights);
  const offset = decodeCursor(args.after);
  const target = await resolveTarget(store, args.segmentId ?? null, args.gapId ?? null, args.areaId ?? null);
  const [exists] = await store.run<{ segmentId: string | null }>('read/gaps/lookup-ids', {
    segmentId: target.segmentIds[0],
    chainId: null,
    areaId: null,
    taskId: null,
    unitIds: [],
  });
  if (!exists?.segmentId) throw new NotFoundError('Segment', target.segmentIds[0]!);
  const { segmentIds } = target;

  // Scoring every candidate is the costly part; it is kept until the next write (see analysisCache).
  const { areaIds, locals, ranked } = await analysisCache(store, JSON.stringify(['suppliers', segmentIds, target.areaId, weights]), () =>
    rankAll(store, segmentIds, target.areaId, weights),
  );

  const slice = ranked.slice(offset, offset + first);
  const evidence = new Map(
    (slice.length
      ? await store.run<EvidenceRow>('read/suppliers/candidate-evidence', { segmentIds, ids: slice.map((c) => c.facts.id) })
      : []
    ).map((r) => [r.id, r]),
  );
  const scope = areaIds ? new Set(areaIds) : null;
  const page: SupplierCandidate[] = [];
  slice.forEach((c, i) => {
    const ev = evidence.get(c.facts.id);
    // A candidate removed between the two reads keeps its place but is not shown.
    if (ev) page.push({ ...scoreCandidate(candidateRow(c.facts, ev, scope, locals), weights), rank: offset + i + 1 });
  });
  return {
    segmentIds,
    areaId: target.areaId,
    weights,
    totalCount: ranked.length,
    candidates: page,
    endCursor: slice.length ? encodeCursor(offset + slice.length - 1) : null,
    hasNextPage: offset + slice.length < ranked.length,
  };
}

/** Rows for the 招商清单 CSV/xlsx export, with Chinese headers in a fixed column order. */
export function candidateRows(candidates: SupplierCandidate[]): Record<string, string | number>[] {
  return candidates.map((c) => {
    const v = (name: string) => c.components.find((x) => x.name === name)?.value ?? 0;
    return {
      排名: c.rank,
      企业名称: c.name,
      统一社会信用代码: c.uscc ?? '',
      所在地区: [c.province, c.city].filter(Boolean).join(' '),
      区域: REGION_ZH[c.region ?? ''] ?? c.region ?? '',
      '产值（万元）': c.output ?? '',
      规上企业: c.aboveScale ? '是' : '否',
      资质标签: c.tags.join('、'),
      所属环节: c.segmentNames.join('、'),
      综合得分: c.score,
      已供本地企业: v('suppliesLocal'),
      供同环节企业: v('suppliesPeers'),
      区域得分: v('region'),
      规模得分: v('scale'),
      资质得分: v('qualifications'),
      链主得分: v('leaderElsewhere'),
      环节匹配: v('segmentFit'),
      推荐理由: c.reasonZh,
      数据说明: c.sample ? '示例数据' : '',
    };
  });
}
