import type { Store } from '../../store/store.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { feedsEdgeId, supplyEdgeId } from '../gaps/classify-gaps.ts';
import { getSavedGap } from '../gaps/saved-gaps.ts';

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
interface Peer {
  buyerId: string;
  buyerName: string;
  segmentId: string;
  localId: string;
  localName: string;
  localLeader: boolean;
}
interface CandidateRow {
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
  leaderSegmentIds: string[];
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

export function resolveWeights(input: Partial<CandidateWeights> | null | undefined): CandidateWeights {
  const w = { ...DEFAULT_WEIGHTS };
  for (const [k, v] of Object.entries(input ?? {})) {
    if (v == null) continue;
    if (!(v >= 0)) throw new ValidationError(`weights.${k} must be ≥ 0`, `weights.${k}`);
    (w as Record<string, number>)[k] = v;
  }
  if (Object.values(w).every((v) => v === 0)) throw new ValidationError('at least one weight must be > 0', 'weights');
  return w;
}

/** Scores one candidate; pure, so ranking rules are unit-tested without a store. */
export function scoreCandidate(row: CandidateRow, w: CandidateWeights): Omit<SupplierCandidate, 'rank'> {
  const fits = row.fits;
  const buyers = row.localBuyers.filter((b) => b && b.id);
  const peers = row.peers.filter((p) => p && p.buyerId);
  const peerBuyers = uniq(peers.map((p) => p.buyerId));
  const leaderPeers = uniq(peers.filter((p) => p.localLeader).map((p) => p.buyerId));
  const tags = row.tags ?? [];
  const direct = fits.some((f) => f.direct);
  const region = row.region ?? 'other';
  const qual = Math.min(1, (tags.includes('专精特新') ? 0.4 : 0) + (tags.includes('小巨人') ? 0.4 : 0) + (tags.includes('高新技术') ? 0.2 : 0));
  const qualTags = tags.filter((t) => ['专精特新', '小巨人', '高新技术'].includes(t));
  const leader = row.leaderRole || tags.includes('链主');
  const components: ScoreComponent[] = [
    { name: 'suppliesLocal', value: round2(Math.min(1, buyers.length / 2)), weight: w.suppliesLocal, detail: `${buyers.length} local buyer(s)` },
    {
      name: 'suppliesPeers',
      value: round2(Math.min(1, peerBuyers.length / 3)),
      weight: w.suppliesPeers,
      detail: `${peerBuyers.length} buyer(s) competing with local enterprises, ${leaderPeers.length} with a local 链主`,
    },
    { name: 'region', value: REGION_VALUE[region] ?? 0.2, weight: w.region, detail: region },
    {
      name: 'scale',
      value: round2((row.aboveScale ? 0.4 : 0) + 0.6 * Math.min(1, (row.output ?? 0) / SCALE_OUTPUT)),
      weight: w.scale,
      detail: `${row.aboveScale ? '规上, ' : ''}output ${row.output ?? 0} 万元`,
    },
    { name: 'qualifications', value: round2(qual), weight: w.qualifications, detail: qualTags.join(', ') || 'none' },
    { name: 'leaderElsewhere', value: leader ? 1 : 0, weight: w.leaderElsewhere, detail: leader ? '链主' : 'no' },
    { name: 'segmentFit', value: direct ? 1 : 0.5, weight: w.segmentFit, detail: direct ? 'same segment' : 'feeds the same downstream segment' },
  ];
  const total = components.reduce((a, c) => a + c.weight, 0);
  const score = round2((100 * components.reduce((a, c) => a + c.value * c.weight, 0)) / total);

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

  const nodeIds = [row.id];
  const edgeIds: string[] = [];
  for (const f of fits) {
    nodeIds.push(f.segmentId);
    edgeIds.push(operatesEdgeId(row.id, f.segmentId));
    if (!f.direct) {
      nodeIds.push(f.targetId);
      for (const d of f.downstreamIds) {
        nodeIds.push(d);
        edgeIds.push(feedsEdgeId(f.segmentId, d), feedsEdgeId(f.targetId, d));
      }
    }
  }
  for (const b of buyers) {
    nodeIds.push(b.id);
    edgeIds.push(supplyEdgeId(row.id, b.id));
  }
  for (const p of peers) {
    nodeIds.push(p.buyerId, p.segmentId, p.localId);
    edgeIds.push(supplyEdgeId(row.id, p.buyerId), operatesEdgeId(p.buyerId, p.segmentId), operatesEdgeId(p.localId, p.segmentId));
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
    path: { nodeIds: uniq(nodeIds), edgeIds: uniq(edgeIds) },
  };
}

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

/**
 * Ranks external enterprises that could fill a segment (or a gap's segment):
 * those operating in it or in a segment that FEEDS the same downstream
 * segment. All candidates are scored in one query, then paginated.
 */
export async function rankSupplierCandidates(
  store: Store,
  args: {
    segmentId?: string | null;
    gapId?: string | null;
    areaId?: string | null;
    weights?: Partial<CandidateWeights> | null;
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
  const rows = await store.run<CandidateRow>('read/suppliers/supplier-candidate-facts', target);
  const ranked = rows
    .map((r) => scoreCandidate(r, weights))
    .sort((a, b) => b.score - a.score || a.enterpriseId.localeCompare(b.enterpriseId))
    .map((c, i) => ({ ...c, rank: i + 1 }));
  const page = ranked.slice(offset, offset + first);
  return {
    segmentIds: target.segmentIds,
    areaId: target.areaId,
    weights,
    totalCount: ranked.length,
    candidates: page,
    endCursor: page.length ? encodeCursor(offset + page.length - 1) : null,
    hasNextPage: offset + page.length < ranked.length,
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
