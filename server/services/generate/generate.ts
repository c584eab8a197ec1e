import { orgCodeCheckChar, usccCheckChar } from '../../model/uscc.ts';
import { hashString, mix, pickCumulative, Rng } from './random.ts';
import { PLAN_SHAPE, type GraphShape } from './shapes.ts';
import { REGIONS, readSkeleton, type Region, type Skeleton, type SkeletonArea } from './skeleton.ts';

/**
 * Synthetic industry-chain data for load and performance tests: enterprises
 * spread over the plan's chains and segments (seeds/), over local, Anhui,
 * Yangtze-delta and other areas, with log-normal output, tags and valid
 * 统一社会信用代码, and SUPPLIES relations mostly along FEEDS edges.
 *
 * Everything is a pure function of (seed, index): enterprise i is the same
 * for a given seed whatever N is read, and the whole output is identical for
 * the same (seed, enterprises, supplies). Fictional: origin 'sample', sample true.
 */

export interface GenerateOptions {
  enterprises: number;
  supplies: number;
  seed?: number;
  skeleton?: Skeleton;
  /** Regional mix, segment sizes and supplier rules (default: the tiers' shape). */
  shape?: GraphShape;
}

export interface EnterpriseRow {
  id: string;
  name: string;
  shortName: string;
  uscc: string;
  local: boolean;
  region: Region;
  province: string | null;
  city: string | null;
  areaId: string;
  output: number;
  aboveScale: boolean;
  tags: string[];
  founded: number;
  origin: 'sample';
  sample: true;
}

export interface OperatesInRow {
  enterprise: string;
  segment: string;
  role: 'leader' | 'core' | 'supplier';
  origin: 'sample';
}

export interface SupplyRow {
  from: string;
  to: string;
  product: string;
  share: number;
  origin: 'sample';
}

/** 6-digit 行政区划码 per area, for the USCC (real prefixes; the rest of the code is fictional). */
const AREA_CODE: Record<string, string> = {
  'area:chaohu': '340181',
  'area:anchao': '340171',
  'area:juchao': '340181',
  'area:fenghuangshan': '340181',
  'area:huanglu': '340181',
  'area:tongyang': '340181',
  'area:hefei': '340100',
  'area:anhui': '340000',
  'area:wuhu': '340200',
  'area:maanshan': '340500',
  'area:chuzhou': '341100',
  'area:bengbu': '340300',
  'area:jiangsu': '320000',
  'area:nanjing': '320100',
  'area:suzhou': '320500',
  'area:wuxi': '320200',
  'area:changzhou': '320400',
  'area:zhejiang': '330000',
  'area:hangzhou': '330100',
  'area:ningbo': '330200',
  'area:shanghai': '310000',
  'area:guangdong': '440000',
  'area:shenzhen': '440300',
  'area:guangzhou': '440100',
  'area:hubei': '420000',
  'area:wuhan': '420100',
  'area:chongqing': '500000',
  'area:beijing': '110000',
  'area:shaanxi': '610000',
  'area:xian': '610100',
};
const BRAND_CHARS = '华瑞鑫泰恒宏盛达远航嘉信通晟科创精博海天宇金德康永兴隆昌丰和新长安顺益锦凯睿拓峰辉明卓腾弘正源汇亿邦联众润力威美诚立'.split('');
const BUSINESS_WORDS = ['科技', '材料', '制造', '新材料', '电子', '智能', '精密', '工业', '技术', '装备'];
const SUFFIXES = ['有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司'];
/** Output in 万元: median 1,000万, log-normal (σ 1.6): about a third reach 规上 (≥ 2,000万). */
const OUTPUT_MEDIAN = 1000;
const OUTPUT_SIGMA = 1.6;
const ABOVE_SCALE = 2000;
const OUTPUT_CAP = 5_000_000;

export function enterpriseId(i: number): string {
  return `gen:ent:${String(i).padStart(7, '0')}`;
}

/** Steps between regions, for distance decay (REGIONS order: local, 安徽, 长三角, other). */
const REGION_STEPS: readonly (readonly number[])[] = [
  [0, 1, 2, 3],
  [1, 0, 1, 2],
  [2, 1, 0, 2],
  [3, 2, 2, 0],
];

/** What traced buyers' draws depended on (SyntheticGraph.supplyRows), for the generator's own odds (drawOdds). */
export class DrawTrace {
  /** Per group of similar buyers and segment: the suppliers taken so far, in order (with repeats). */
  readonly taken = new Map<number, number[]>();
  /** Per traced buyer: per segment, how many suppliers its group's list had when its turn began. */
  readonly at = new Map<number, Int32Array>();
  constructor(readonly buyers: (b: number) => boolean) {}
}

interface Profile {
  area: SkeletonArea;
  segments: number[];
  output: number;
  /** log-output in standard deviations from the median. */
  z: number;
}

/** The data model the rows come from; built once per (seed, enterprises). */
export class SyntheticGraph {
  readonly seed: number;
  readonly enterprises: number;
  readonly supplies: number;
  readonly skeleton: Skeleton;
  readonly shape: GraphShape;
  private readonly areasByRegion: Record<Region, SkeletonArea[]>;
  private readonly segmentCumulative: Float64Array;
  private readonly neighbours: number[][];
  private readonly upstream: number[][];
  /** Per enterprise: primary segment, optional second segment (-1), region index, output. */
  readonly primary: Int16Array;
  readonly second: Int16Array;
  readonly region: Uint8Array;
  /** Per enterprise: the index of its area in skeleton.areas. */
  readonly area: Int16Array;
  private readonly areaCount: number;
  readonly output: Float64Array;
  /**
   * Per segment: 1 where no generated enterprise is local (the segments of the plan's 补链 and 延链
   * gaps, seeds/gaps.yaml), so every tier keeps absent segments for the analysis to find.
   */
  readonly localAbsent: Uint8Array;
  /** Per segment: 1 where local buyers buy nothing (the plan's 延链 segments: markets to grow into, not sources yet). */
  readonly unsourced: Uint8Array;
  /** Per segment and region: members and cumulative sqrt(output) weights. */
  private readonly pools: { members: Int32Array; cumulative: Float64Array }[][];

  constructor(options: GenerateOptions) {
    this.seed = options.seed ?? 1;
    this.enterprises = options.enterprises;
    this.supplies = options.supplies;
    if (!Number.isInteger(this.enterprises) || this.enterprises < 2) throw new Error('enterprises: need an integer ≥ 2');
    if (!Number.isInteger(this.supplies) || this.supplies < 0) throw new Error('supplies: need an integer ≥ 0');
    this.skeleton = options.skeleton ?? readSkeleton();
    this.shape = options.shape ?? PLAN_SHAPE;
    const sk = this.skeleton;
    const segIndex = new Map(sk.segments.map((s, i) => [s.id, i]));
    this.areasByRegion = { local: [], anhui: [], yrd: [], other: [] };
    // Enterprises sit in cities, districts, zones and towns; provinces only where no city of theirs is listed (上海, 北京, 重庆).
    for (const a of sk.areas) {
      const hasCity = sk.areas.some((c) => c.partOf === a.id && c.level === 'city');
      if (a.level === 'region' || (a.level === 'province' && hasCity) || a.id === 'area:hefei') continue;
      this.areasByRegion[a.region].push(a);
    }
    if (REGIONS.some((r) => this.areasByRegion[r].length === 0)) throw new Error('seeds/areas.yaml: need at least one area per region');
    // Skewed segment sizes: Zipf-like weights over a seeded permutation of the segments.
    const rng = new Rng(mix(this.seed, hashString('segments')));
    const order = sk.segments.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const weights = new Float64Array(sk.segments.length);
    order.forEach((seg, rank) => (weights[seg] = 1 / Math.pow(rank + 1, this.shape.zipf)));
    this.segmentCumulative = cumulate(weights);
    this.localAbsent = new Uint8Array(sk.segments.length);
    this.unsourced = new Uint8Array(sk.segments.length);
    for (const g of sk.plannedGaps) {
      const k = segIndex.get(g.segment);
      if (k === undefined) continue;
      if (g.kind === 'fill' || g.kind === 'extend') this.localAbsent[k] = 1;
      if (g.kind === 'extend') this.unsourced[k] = 1;
    }
    this.neighbours = sk.segments.map(() => []);
    this.upstream = sk.segments.map(() => []);
    for (const f of sk.feeds) {
      const a = segIndex.get(f.from);
      const b = segIndex.get(f.to);
      if (a === undefined || b === undefined) continue;
      this.neighbours[a]!.push(b);
      this.neighbours[b]!.push(a);
      this.upstream[b]!.push(a);
    }
    const n = this.enterprises;
    this.primary = new Int16Array(n);
    this.second = new Int16Array(n).fill(-1);
    this.region = new Uint8Array(n);
    this.area = new Int16Array(n);
    this.areaCount = sk.areas.length;
    const areaIndex = new Map(sk.areas.map((a, k) => [a.id, k]));
    this.output = new Float64Array(n);
    const counts = sk.segments.map(() => REGIONS.map(() => 0));
    for (let i = 0; i < n; i++) {
      const p = this.profile(i);
      this.primary[i] = p.segments[0]!;
      if (p.segments[1] !== undefined) this.second[i] = p.segments[1];
      this.region[i] = REGIONS.indexOf(p.area.region);
      this.area[i] = areaIndex.get(p.area.id)!;
      this.output[i] = p.output;
      for (const s of p.segments) counts[s]![this.region[i]!]!++;
    }
    this.pools = counts.map((perRegion) => perRegion.map((c) => ({ members: new Int32Array(c), cumulative: new Float64Array(c) })));
    const fill = counts.map((perRegion) => perRegion.map(() => 0));
    for (let i = 0; i < n; i++) {
      for (const s of [this.primary[i]!, this.second[i]!]) {
        if (s < 0) continue;
        const r = this.region[i]!;
        const pool = this.pools[s]![r]!;
        const k = fill[s]![r]!++;
        pool.members[k] = i;
        pool.cumulative[k] = (k > 0 ? pool.cumulative[k - 1]! : 0) + this.weightOf(this.output[i]!);
      }
    }
  }

  /** A supplier's weight in its pool (Math.sqrt for the tiers' shape: the same figures as before shapes existed). */
  private weightOf(output: number): number {
    return this.shape.outputExponent === 0.5 ? Math.sqrt(output) : Math.pow(output, this.shape.outputExponent);
  }

  /** Area, segments and output of enterprise i: a pure function of (seed, i). */
  private profile(i: number): Profile {
    const rng = new Rng(mix(this.seed, 1, i));
    let u = rng.next();
    let region: Region = 'other';
    for (const r of REGIONS) {
      if (u < this.shape.regionShare[r]) {
        region = r;
        break;
      }
      u -= this.shape.regionShare[r];
    }
    const area = rng.pick(this.areasByRegion[region]);
    const z = rng.normal();
    const output = Math.min(OUTPUT_CAP, Math.round(OUTPUT_MEDIAN * Math.exp(OUTPUT_SIGMA * z) * 10) / 10);
    const cum = this.segmentCumulative;
    const first = pickCumulative(cum, rng.next() * cum[cum.length - 1]!);
    const segments = [first];
    const near = this.neighbours[first]!;
    if (near.length > 0 && rng.next() < 0.12) segments.push(rng.pick(near));
    // A 延链 segment shares no enterprise with another segment: a supplier picked for the other would sell it to local buyers.
    if (segments[1] !== undefined && (this.unsourced[first] || this.unsourced[segments[1]])) segments.pop();
    if (region !== 'local') return { area, segments, output, z };
    // A local enterprise never operates in a segment kept absent locally: such an enterprise moves out of the
    // local areas (region drawn again among the others), a second such segment is dropped.
    if (this.localAbsent[first]) {
      const others = REGIONS.filter((r) => r !== 'local');
      let v = rng.next() * others.reduce((a, r) => a + this.shape.regionShare[r], 0);
      region = others.find((r) => (v -= this.shape.regionShare[r]) < 0) ?? 'other';
      return { area: rng.pick(this.areasByRegion[region]), segments, output, z };
    }
    if (segments[1] !== undefined && this.localAbsent[segments[1]]) segments.pop();
    return { area, segments, output, z };
  }

  /** Enterprise i with its OPERATES_IN rows. */
  enterprise(i: number): { enterprise: EnterpriseRow; operatesIn: OperatesInRow[] } {
    const { area, segments, output, z } = this.profile(i);
    const rng = new Rng(mix(this.seed, 2, i));
    const segment = this.skeleton.segments[segments[0]!]!;
    const city = (area.city ?? area.name).replace(/(市|省)$/, '');
    const brand = this.brand(i);
    const word = rng.pick(BUSINESS_WORDS);
    const trade = segment.name.replace(/[/／]/g, '').slice(0, 6);
    const name = `${city}${brand}${trade}${word}${rng.pick(SUFFIXES)}`;
    const tags: string[] = [];
    const local = area.region === 'local';
    const leader = z > 2.4 && (local || rng.next() < 0.3);
    if (rng.next() < 0.12 + 0.08 * Math.max(0, z)) tags.push('高新技术');
    const specialised = z > -0.5 && z < 2 && rng.next() < 0.1;
    if (specialised) tags.push('专精特新');
    if (specialised && rng.next() < 0.15) tags.push('小巨人');
    if (leader) tags.push('链主');
    if (rng.next() < 0.15) tags.push('战新');
    const aboveScale = output >= ABOVE_SCALE;
    const role = leader ? 'leader' : aboveScale && z > 1 ? 'core' : 'supplier';
    const id = enterpriseId(i);
    return {
      enterprise: {
        id,
        name,
        shortName: `${brand}${word}`,
        uscc: this.uscc(i, area.id),
        local,
        region: area.region,
        province: area.province,
        city: area.city,
        areaId: area.id,
        output,
        aboveScale,
        tags,
        founded: 2024 - Math.min(40, Math.floor(-Math.log(1 - rng.next()) * 10)),
        origin: 'sample',
        sample: true,
      },
      operatesIn: segments.map((s, k) => ({
        enterprise: id,
        segment: this.skeleton.segments[s]!.id,
        role: k === 0 ? role : 'supplier',
        origin: 'sample',
      })),
    };
  }

  /**
   * The brand of enterprise i, unique per i (so names are unique, as a register's are, and files import without
   * duplicates): three characters from a bijection of i mod 60³, a fourth for each further 60³ enterprises.
   */
  private brand(i: number): string {
    const n = BRAND_CHARS.length;
    const cube = n * n * n;
    let k = (i * 7_919 + this.seed * 104_729) % cube; // 7919 is coprime to 60³: distinct within each block of 60³
    let text = '';
    for (let d = 0; d < 3; d++, k = Math.floor(k / n)) text += BRAND_CHARS[k % n];
    const block = Math.floor(i / cube);
    return block > 0 ? text + BRAND_CHARS[(block - 1) % n] : text;
  }

  /** A valid, unique USCC: 9 (工商) 1 (企业), the area code, an organisation code from a bijection of i, check characters. */
  private uscc(i: number, areaId: string): string {
    const scrambled = (i * 48_271 + (this.seed % 1000) * 7919 + 12_345) % 100_000_000; // 48271 is coprime to 10^8: distinct for i < 10^8
    const org8 = String(scrambled).padStart(8, '0');
    const first17 = `91${AREA_CODE[areaId] ?? '340000'}${org8}${orgCodeCheckChar(org8)}`;
    return first17 + usccCheckChar(first17);
  }

  /**
   * The SUPPLIES rows, buyer by buyer. A buyer's number of suppliers follows
   * output^0.6 (systematic allocation, so the total is `supplies` unless pools
   * run dry). Each supplier: a segment (mostly one FEEDing the buyer's), then,
   * with probability `share`, one that similar buyers already buy that segment
   * from (∝ how many of them do), else a new one: from the buyer's region or a
   * region drawn with distance decay, ∝ output^outputExponent (GraphShape).
   * `trace` records what each traced buyer's draws depended on (drawOdds).
   */
  *supplyRows(trace?: DrawTrace): Generator<SupplyRow> {
    const n = this.enterprises;
    let total = 0;
    for (let i = 0; i < n; i++) total += Math.pow(this.output[i]!, 0.6);
    const maxDegree = Math.max(1, Math.min(n - 1, 2000));
    let cumWeight = 0;
    let allotted = 0;
    let carry = 0;
    // Per group of similar buyers and segment: the suppliers taken so far (with repeats).
    const taken = trace?.taken ?? new Map<number, number[]>();
    const segments = this.skeleton.segments.length;
    for (let b = 0; b < n; b++) {
      cumWeight += Math.pow(this.output[b]!, 0.6);
      const target = Math.round((this.supplies * cumWeight) / total);
      let want = target - allotted + carry;
      allotted = target;
      if (want <= 0) continue;
      const degree = Math.min(want, maxDegree);
      if (trace?.buyers(b))
        trace.at.set(
          b,
          Int32Array.from({ length: segments }, (_, s) => taken.get(this.groupKey(b, s))?.length ?? 0),
        );
      const rng = new Rng(mix(this.seed, 3, b));
      const chosen = new Set<number>();
      for (let tries = 0; chosen.size < degree && tries < degree * 8; tries++) {
        const seg = this.drawSegment(b, rng);
        const key = this.groupKey(b, seg);
        const a = this.drawSupplier(b, seg, rng, taken.get(key));
        if (a < 0 || a === b || chosen.has(a)) continue;
        chosen.add(a);
        const list = taken.get(key);
        if (list) list.push(a);
        else taken.set(key, [a]);
        const share = Math.round(Math.min(1, 0.02 + rng.next() * rng.next() * 0.6) * 100) / 100;
        yield { from: enterpriseId(a), to: enterpriseId(b), product: this.skeleton.segments[seg]!.name, share, origin: 'sample' };
      }
      carry = want - chosen.size;
      want = 0;
    }
  }

  /** The group of buyers similar to b (GraphShape.shareAmong) whose suppliers in segment seg b may take. */
  private groupKey(b: number, seg: number): number {
    const segments = this.skeleton.segments.length;
    return this.shape.shareAmong === 'area' ? seg * this.areaCount + this.area[b]! : (seg * segments + this.primary[b]!) * REGIONS.length + this.region[b]!;
  }

  /** The supplier's segment: along an incoming FEEDS edge, the buyer's own, or any (by size). */
  private drawSegment(b: number, rng: Rng): number {
    const shape = this.shape;
    const own = this.primary[b]!;
    const up = this.upstream[own]!;
    const u = rng.next();
    let seg: number;
    if (up.length > 0 && u < shape.alongFeeds) seg = rng.pick(up);
    else if (u < shape.alongFeeds + shape.sameSegment) seg = own;
    else {
      const cum = this.segmentCumulative;
      seg = pickCumulative(cum, rng.next() * cum[cum.length - 1]!);
    }
    if (this.unsourced[seg] && REGIONS[this.region[b]!] === 'local') seg = own; // local buyers do not source 延链 segments
    return seg;
  }

  /** A supplier in segment seg for buyer b: one similar buyers took (`taken`), or a new one (-1 when the segment has none). */
  private drawSupplier(b: number, seg: number, rng: Rng, taken: number[] | undefined): number {
    if (taken?.length && rng.next() < this.shape.share) return rng.pick(taken);
    const pools = this.pools[seg]!;
    let pool = pools[this.region[b]!]!;
    if (rng.next() >= this.shape.sameRegion || pool.members.length === 0) {
      const masses = this.regionMasses(b, seg);
      const all = masses.reduce((x, y) => x + y, 0);
      if (all === 0) return -1;
      let t = rng.next() * all;
      let r = 0;
      while (r < masses.length - 1 && t >= masses[r]!) t -= masses[r++]!;
      pool = pools[r]!;
    }
    if (pool.members.length === 0) return -1;
    const c = pool.cumulative;
    return pool.members[pickCumulative(c, rng.next() * c[c.length - 1]!)]!;
  }

  /** Per region: the segment's pool mass × distance decay from the buyer's region. */
  private regionMasses(b: number, seg: number): number[] {
    const from = this.region[b]!;
    return this.pools[seg]!.map((p, r) =>
      p.cumulative.length ? p.cumulative[p.cumulative.length - 1]! * Math.pow(this.shape.distanceDecay, REGION_STEPS[from]![r]!) : 0,
    );
  }

  /** How likely each segment is drawn for buyer b (drawSegment's odds). */
  private segmentOdds(b: number): Float64Array {
    const shape = this.shape;
    const own = this.primary[b]!;
    const up = this.upstream[own]!;
    const odds = new Float64Array(this.skeleton.segments.length);
    const pUp = up.length ? shape.alongFeeds : 0;
    for (const s of up) odds[s] = odds[s]! + pUp / up.length;
    const pOwn = up.length ? shape.sameSegment : Math.min(1, shape.alongFeeds + shape.sameSegment);
    odds[own] = odds[own]! + pOwn;
    const cum = this.segmentCumulative;
    const rest = Math.max(0, 1 - pUp - pOwn);
    for (let s = 0; s < odds.length; s++) odds[s] = odds[s]! + (rest * (cum[s]! - (s ? cum[s - 1]! : 0))) / cum[cum.length - 1]!;
    if (REGIONS[this.region[b]!] === 'local') {
      for (let s = 0; s < odds.length; s++) {
        if (!this.unsourced[s] || s === own) continue;
        odds[own] = odds[own]! + odds[s]!;
        odds[s] = 0;
      }
    }
    return odds;
  }

  /**
   * The generator's own odds that buyer b (traced) draws enterprise x as a supplier, as its turn began:
   * over x's segments, segment odds × (share × x's part of what similar buyers took + the rest × the
   * odds of a new search finding x). The best any ranking can do on these data (bench/eval's oracle);
   * null for a buyer not traced.
   */
  drawOdds(trace: DrawTrace, b: number): ((x: number) => number) | null {
    const at = trace.at.get(b);
    if (!at) return null;
    const segOdds = this.segmentOdds(b);
    return (x) => {
      let p = 0;
      for (const s of [this.primary[x]!, this.second[x]!]) {
        if (s < 0 || !segOdds[s]) continue;
        const n = at[s]!;
        const list = trace.taken.get(this.groupKey(b, s)) ?? [];
        let copies = 0;
        for (let k = 0; k < n; k++) if (list[k] === x) copies++;
        const share = n > 0 ? this.shape.share : 0;
        p += segOdds[s]! * (share * (n > 0 ? copies / n : 0) + (1 - share) * this.newSearchOdds(b, s, x));
      }
      return p;
    };
  }

  /** Odds that a new search in segment seg for buyer b finds x (drawSupplier without `taken`). */
  private newSearchOdds(b: number, seg: number, x: number): number {
    const pools = this.pools[seg]!;
    const mass = (r: number) => {
      const c = pools[r]!.cumulative;
      return c.length ? c[c.length - 1]! : 0;
    };
    const rb = this.region[b]!;
    const rx = this.region[x]!;
    const masses = this.regionMasses(b, seg);
    const all = masses.reduce((s, m) => s + m, 0);
    if (all === 0 || mass(rx) === 0) return 0;
    const own = pools[rb]!.members.length ? this.shape.sameRegion : 0;
    const w = this.weightOf(this.output[x]!) / mass(rx);
    return (rx === rb ? own * w : 0) + (1 - own) * (masses[rx]! / all) * w;
  }

  /** Runs supplyRows once, tracing the local buyers' draws (for drawOdds). */
  traceDraws(): DrawTrace {
    const trace = new DrawTrace((b) => REGIONS[this.region[b]!] === 'local');
    for (const row of this.supplyRows(trace)) void row;
    return trace;
  }
}

function cumulate(weights: Float64Array): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}

/** Tiers of the benchmark: S is the seed graph (plus a small generated set when the seed has few enterprises). */
export const TIERS = {
  S: { enterprises: 1_000, supplies: 5_000 },
  M: { enterprises: 100_000, supplies: 500_000 },
  L: { enterprises: 1_000_000, supplies: 5_000_000 },
} as const;
export type Tier = keyof typeof TIERS;
