/**
 * Generates the SAMPLE enterprises and supply relations in seeds/sample/.
 * Every record is fictional (names contain “示例”, origin sample). The output is
 * deterministic: a seeded PRNG, no clock, no Math.random. Re-run with
 *   npx tsx seeds/tools/generate-sample.ts
 * after changing the profiles below, and commit the two CSV files.
 *
 * The profiles are designed so analyses have something to show (see seeds/README.md):
 * segments with no local enterprise between local up- and downstream firms
 * (BMS, 域控制器), segments with one small local firm (偏光片, 封装测试, 功率器件 …),
 * segments whose local buyers buy mostly from outside (low localPref of the
 * supplying segment), and strong segments with a 链主 and several local firms.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { USCC_CHARSET, orgCodeCheckChar, usccCheckChar } from '../../server/model/uscc.ts';
import { Rng } from '../../server/services/generate/random.ts';

const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED = 20240331;

const rng = new Rng(SEED);
const rand = () => rng.next();
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const chance = (p: number) => rand() < p;
const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
/** Log-normal: median `median`, spread `sigma`. */
function lognormal(median: number, sigma: number): number {
  const u = Math.max(rand(), 1e-9);
  const v = rand();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(sigma * z);
}

type Size = 'leader' | 'normal' | 'small';
interface Profile {
  /** Local enterprises whose main segment this is. */
  local: number;
  /** The first local enterprise is the 链主 (leader). */
  leader?: boolean;
  /** Local enterprises are small (one small firm = a 强链 showcase). */
  small?: boolean;
  /** Probability that a local buyer sources this segment from a local supplier (when there is one). */
  localPref?: number;
  /** External enterprises per region: [anhui, yrd, other]. */
  external: [number, number, number];
  /** Local areas to place local firms in (default: anywhere local). */
  areas?: string[];
  /** Word used in fictional names. */
  word: string;
}

const CHAOHU_SIDE = ['area:chaohu', 'area:juchao', 'area:fenghuangshan', 'area:huanglu', 'area:tongyang'];
const PROFILES: Record<string, Profile> = {
  'seg:light-alloy-material': { local: 6, leader: true, localPref: 0.85, external: [1, 2, 2], word: '轻合金' },
  'seg:alloy-casting': { local: 7, leader: true, localPref: 0.8, external: [2, 2, 1], word: '精密铸造' },
  'seg:alloy-forging': { local: 4, localPref: 0.6, external: [1, 2, 1], word: '锻造' },
  'seg:al-mg-composite': { local: 1, small: true, localPref: 0.1, external: [1, 3, 1], word: '复合材料' },
  'seg:hydrogen-storage': { local: 1, small: true, localPref: 0.3, external: [1, 1, 1], word: '储氢材料' },
  'seg:auto-parts': { local: 1, small: true, localPref: 0.3, external: [1, 3, 1], word: '汽车部件' },
  'seg:aerospace': { local: 0, external: [1, 2, 2], word: '航空部件' },
  'seg:pva-film': { local: 4, leader: true, localPref: 0.85, external: [1, 1, 1], areas: ['area:fenghuangshan', 'area:juchao'], word: '光学膜' },
  'seg:polarizer': { local: 1, small: true, localPref: 0.15, external: [1, 2, 2], areas: ['area:fenghuangshan'], word: '偏光材料' },
  'seg:display-panel': { local: 0, external: [2, 2, 1], word: '显示' },
  'seg:pvb-resin': { local: 3, leader: true, localPref: 0.7, external: [1, 1, 1], word: '树脂' },
  'seg:pvb-film': { local: 4, leader: true, localPref: 0.7, external: [1, 1, 1], areas: CHAOHU_SIDE, word: '新材料' },
  'seg:auto-glass': { local: 3, leader: true, localPref: 0.6, external: [1, 2, 1], word: '汽车玻璃' },
  'seg:body-structure': { local: 5, leader: true, localPref: 0.7, external: [1, 2, 1], areas: CHAOHU_SIDE, word: '车身科技' },
  'seg:smart-vehicle-parts': { local: 4, localPref: 0.5, external: [1, 2, 1], areas: CHAOHU_SIDE, word: '智能汽车部件' },
  'seg:auto-electronics': { local: 4, localPref: 0.4, external: [1, 3, 2], areas: ['area:anchao'], word: '汽车电子' },
  'seg:lightweight-parts': { local: 4, localPref: 0.5, external: [1, 2, 1], areas: ['area:anchao'], word: '轻量化' },
  'seg:battery-materials': { local: 3, localPref: 0.2, external: [2, 2, 2], areas: ['area:anchao'], word: '电池材料' },
  'seg:power-battery': { local: 3, localPref: 0.5, external: [2, 2, 1], word: '动力电池' },
  'seg:vehicle': { local: 1, localPref: 0.5, external: [3, 3, 2], word: '专用汽车' },
  'seg:bms': { local: 0, external: [1, 3, 2], word: '电控' },
  'seg:3d-printing': { local: 0, external: [1, 2, 1], word: '增材制造' },
  'seg:domain-controller': { local: 0, external: [1, 3, 2], word: '智能驾驶' },
  'seg:optoelectronic': { local: 6, leader: true, localPref: 0.8, external: [1, 2, 1], areas: ['area:huanglu', 'area:tongyang', 'area:chaohu'], word: '光电' },
  'seg:camera-module': { local: 5, localPref: 0.6, external: [1, 2, 2], word: '光学科技' },
  'seg:photo-sensor': { local: 2, localPref: 0.2, external: [1, 3, 2], word: '传感' },
  'seg:semi-2g': { local: 0, external: [0, 1, 2], word: '化合物半导体' },
  'seg:semi-3g': { local: 0, external: [1, 1, 2], word: '碳化硅' },
  'seg:epitaxy': { local: 0, external: [1, 2, 1], word: '外延' },
  'seg:wafer-fab': { local: 0, external: [1, 2, 2], word: '晶圆' },
  'seg:packaging-test': { local: 1, small: true, localPref: 0.3, external: [1, 2, 1], word: '封测' },
  'seg:rf-devices': { local: 1, localPref: 0.3, external: [0, 2, 2], word: '射频' },
  'seg:power-devices': { local: 1, small: true, localPref: 0.1, external: [1, 3, 2], word: '功率半导体' },
  'seg:welding-equipment': { local: 4, leader: true, localPref: 0.6, external: [1, 1, 1], word: '焊接' },
  'seg:smart-power': { local: 3, localPref: 0.6, external: [1, 1, 1], word: '电气' },
  'seg:rail-equipment': { local: 2, localPref: 0.5, external: [1, 1, 1], word: '轨道装备' },
  'seg:smart-equipment': { local: 3, localPref: 0.5, external: [1, 1, 1], areas: ['area:anchao'], word: '智能装备' },
  'seg:pharma-intermediates': { local: 3, localPref: 0.6, external: [1, 1, 1], word: '医药化工' },
  'seg:sustained-release': { local: 2, localPref: 0.5, external: [0, 1, 1], word: '制药' },
  'seg:innovative-drugs': { local: 1, localPref: 0.5, external: [1, 1, 1], word: '生物医药' },
  'seg:wearable-medical': { local: 1, localPref: 0.5, external: [0, 1, 1], word: '医疗器械' },
  'seg:personal-medical': { local: 2, localPref: 0.5, external: [1, 1, 0], word: '健康科技' },
  'seg:smart-healthcare': { local: 1, localPref: 0.5, external: [0, 1, 1], word: '医疗科技' },
  'seg:cement': { local: 5, leader: true, localPref: 0.9, external: [2, 0, 0], areas: CHAOHU_SIDE, word: '水泥' },
  'seg:concrete': { local: 6, localPref: 0.8, external: [1, 0, 0], word: '混凝土' },
  'seg:steel-structure': { local: 3, localPref: 0.6, external: [1, 1, 0], word: '钢构' },
  'seg:gypsum-board': { local: 2, localPref: 0.6, external: [1, 1, 0], word: '石膏建材' },
  'seg:prefab-building': { local: 2, localPref: 0.5, external: [1, 1, 0], word: '建筑科技' },
};

interface Place {
  areaId: string;
  province: string;
  city: string;
  short: string;
  division: string;
}
const LOCAL_PLACES: Record<string, Place> = {
  'area:chaohu': { areaId: 'area:chaohu', province: '安徽省', city: '巢湖市', short: '巢湖', division: '340181' },
  'area:juchao': { areaId: 'area:juchao', province: '安徽省', city: '巢湖市', short: '居巢', division: '340181' },
  'area:fenghuangshan': { areaId: 'area:fenghuangshan', province: '安徽省', city: '巢湖市', short: '巢湖', division: '340181' },
  'area:huanglu': { areaId: 'area:huanglu', province: '安徽省', city: '巢湖市', short: '巢湖', division: '340181' },
  'area:tongyang': { areaId: 'area:tongyang', province: '安徽省', city: '巢湖市', short: '巢湖', division: '340181' },
  'area:anchao': { areaId: 'area:anchao', province: '安徽省', city: '合肥市', short: '安巢', division: '340100' },
};
const LOCAL_WEIGHTS = ['area:chaohu', 'area:chaohu', 'area:chaohu', 'area:juchao', 'area:juchao', 'area:anchao', 'area:anchao', 'area:anchao', 'area:fenghuangshan', 'area:huanglu', 'area:tongyang'];
const EXTERNAL_PLACES: Record<'anhui' | 'yrd' | 'other', Place[]> = {
  anhui: [
    { areaId: 'area:hefei', province: '安徽省', city: '合肥市', short: '合肥', division: '340100' },
    { areaId: 'area:wuhu', province: '安徽省', city: '芜湖市', short: '芜湖', division: '340200' },
    { areaId: 'area:maanshan', province: '安徽省', city: '马鞍山市', short: '马鞍山', division: '340500' },
    { areaId: 'area:chuzhou', province: '安徽省', city: '滁州市', short: '滁州', division: '341100' },
    { areaId: 'area:bengbu', province: '安徽省', city: '蚌埠市', short: '蚌埠', division: '340300' },
  ],
  yrd: [
    { areaId: 'area:nanjing', province: '江苏省', city: '南京市', short: '南京', division: '320100' },
    { areaId: 'area:suzhou', province: '江苏省', city: '苏州市', short: '苏州', division: '320500' },
    { areaId: 'area:wuxi', province: '江苏省', city: '无锡市', short: '无锡', division: '320200' },
    { areaId: 'area:changzhou', province: '江苏省', city: '常州市', short: '常州', division: '320400' },
    { areaId: 'area:shanghai', province: '上海市', city: '上海市', short: '上海', division: '310115' },
    { areaId: 'area:hangzhou', province: '浙江省', city: '杭州市', short: '杭州', division: '330100' },
    { areaId: 'area:ningbo', province: '浙江省', city: '宁波市', short: '宁波', division: '330200' },
  ],
  other: [
    { areaId: 'area:shenzhen', province: '广东省', city: '深圳市', short: '深圳', division: '440300' },
    { areaId: 'area:guangzhou', province: '广东省', city: '广州市', short: '广州', division: '440100' },
    { areaId: 'area:wuhan', province: '湖北省', city: '武汉市', short: '武汉', division: '420100' },
    { areaId: 'area:chongqing', province: '重庆市', city: '重庆市', short: '重庆', division: '500000' },
    { areaId: 'area:xian', province: '陕西省', city: '西安市', short: '西安', division: '610100' },
    { areaId: 'area:beijing', province: '北京市', city: '北京市', short: '北京', division: '110108' },
  ],
};
const FANCY = '恒瑞泰华鑫宏博盛达创晟嘉润德弘远锦源卓昊誉丰裕凯翔立信诚和安永兴建新天鸿'.split('');
const SUFFIXES = ['科技有限公司', '有限公司', '股份有限公司', '有限责任公司', '科技股份有限公司'];

interface Enterprise {
  id: string;
  name: string;
  shortName: string;
  uscc: string;
  region: 'local' | 'anhui' | 'yrd' | 'other';
  province: string;
  city: string;
  areaId: string;
  output: number;
  aboveScale: boolean;
  tags: string[];
  founded: number;
  segments: { segment: string; role: 'leader' | 'core' | 'supplier' }[];
  size: Size;
}

const usedNames = new Set<string>();
const usedUscc = new Set<string>();
function makeName(place: Place, word: string): { name: string; shortName: string } {
  for (;;) {
    const fancy = pick(FANCY) + pick(FANCY);
    if (fancy[0] === fancy[1]) continue;
    const shortName = `${fancy}${word}`;
    const name = `${place.short}示例${shortName}${pick(SUFFIXES)}`;
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    return { name, shortName };
  }
}
function makeUscc(place: Place): string {
  for (;;) {
    let org = 'MA';
    for (let i = 0; i < 6; i++) org += pick(USCC_CHARSET.split('').filter((c) => c !== 'Y' && c !== 'W'));
    const first17 = `91${place.division}${org}${orgCodeCheckChar(org)}`;
    const code = first17 + usccCheckChar(first17);
    if (usedUscc.has(code)) continue;
    usedUscc.add(code);
    return code;
  }
}
function makeOutput(size: Size, region: Enterprise['region']): number {
  if (size === 'leader') return Math.round(between(250, 900) * 1000);
  if (size === 'small') return Math.round(between(600, 3500));
  const median = region === 'local' ? 9000 : 30000;
  return Math.max(300, Math.min(600000, Math.round(lognormal(median, 1.1))));
}
function makeTags(size: Size, region: Enterprise['region']): string[] {
  const tags: string[] = [];
  const boost = region === 'local' ? 0 : 0.1;
  if (size === 'leader' || chance(0.35 + boost)) tags.push('高新技术');
  if (size !== 'leader' && chance(0.2 + boost)) tags.push('专精特新');
  if (tags.includes('专精特新') && chance(0.3)) tags.push('小巨人');
  if (size === 'leader') tags.push('链主');
  if (chance(0.25 + boost)) tags.push('战新');
  return tags;
}

const segmentOrder = Object.keys(PROFILES);
const enterprises: Enterprise[] = [];
const bySegment = new Map<string, Enterprise[]>();
let serial = 0;
function addEnterprise(segment: string, region: Enterprise['region'], place: Place, size: Size, profile: Profile): Enterprise {
  serial++;
  const { name, shortName } = makeName(place, profile.word);
  const output = makeOutput(size, region);
  const e: Enterprise = {
    id: `ent:s${String(serial).padStart(4, '0')}`,
    name,
    shortName,
    uscc: makeUscc(place),
    region,
    province: place.province,
    city: place.city,
    areaId: place.areaId,
    output,
    aboveScale: output >= 2000,
    tags: makeTags(size, region),
    founded: size === 'leader' ? between(1995, 2010) : between(2000, 2023),
    segments: [{ segment, role: size === 'leader' ? 'leader' : size === 'small' || chance(0.5) ? 'supplier' : 'core' }],
    size,
  };
  enterprises.push(e);
  bySegment.set(segment, [...(bySegment.get(segment) ?? []), e]);
  return e;
}

// The 链主 of 轻合金 is the one local enterprise over 100亿元 (产值超100亿元企业 target).
for (const segment of segmentOrder) {
  const profile = PROFILES[segment]!;
  for (let i = 0; i < profile.local; i++) {
    const size: Size = profile.leader && i === 0 ? 'leader' : profile.small ? 'small' : 'normal';
    const place = LOCAL_PLACES[pick(profile.areas ?? LOCAL_WEIGHTS)]!;
    const e = addEnterprise(segment, 'local', place, size, profile);
    if (segment === 'seg:light-alloy-material' && i === 0) {
      e.output = 1_180_000;
      e.aboveScale = true;
    }
  }
  const regions = ['anhui', 'yrd', 'other'] as const;
  profile.external.forEach((count, r) => {
    for (let i = 0; i < count; i++) {
      const region = regions[r]!;
      addEnterprise(segment, region, pick(EXTERNAL_PLACES[region]), chance(0.12) ? 'leader' : 'normal', profile);
    }
  });
}

// Some enterprises also work one step down or up their chain (a second OPERATES_IN).
const feeds: { from: string; to: string }[] = (YAML.parse(readFileSync(path.join(SEEDS_DIR, 'chains.yaml'), 'utf8')) as { feeds: { from: string; to: string }[] }).feeds;
for (const e of enterprises) {
  const main = e.segments[0]!.segment;
  // never, for a local firm, into a showcase segment that must stay empty or hold one small local firm
  const next = feeds
    .filter((f) => f.from === main)
    .map((f) => f.to)
    .filter((to) => e.region !== 'local' || ((PROFILES[to]?.local ?? 0) > 0 && !PROFILES[to]?.small));
  if (next.length && (e.size === 'leader' ? chance(0.6) : chance(0.08))) e.segments.push({ segment: pick(next), role: 'core' });
}
// Showcase: the strong segments' 链主 span two segments.
const ensureSecond = (segment: string, second: string) => {
  const leader = bySegment.get(segment)?.find((e) => e.size === 'leader' && e.region === 'local');
  if (leader && !leader.segments.some((s) => s.segment === second)) leader.segments.push({ segment: second, role: 'core' });
};
ensureSecond('seg:light-alloy-material', 'seg:alloy-casting');
ensureSecond('seg:pvb-film', 'seg:auto-glass');

interface Supply {
  from: string;
  to: string;
  product: string;
  share: number;
}
const segmentNames = new Map<string, string>(
  (YAML.parse(readFileSync(path.join(SEEDS_DIR, 'chains.yaml'), 'utf8')) as { segments: { id: string; name: string }[] }).segments.map((s) => [s.id, s.name]),
);
const supplies: Supply[] = [];
const supplyKeys = new Set<string>();
for (const { from, to } of feeds) {
  const suppliersLocal = (bySegment.get(from) ?? []).filter((e) => e.region === 'local');
  const suppliersExternal = (bySegment.get(from) ?? []).filter((e) => e.region !== 'local');
  const localPref = PROFILES[from]?.localPref ?? 0;
  for (const buyer of bySegment.get(to) ?? []) {
    if (buyer.region !== 'local' && !chance(0.7)) continue;
    const k = buyer.size === 'leader' ? 4 : between(1, 3);
    const chosen: Enterprise[] = [];
    for (let i = 0; i < k; i++) {
      const wantLocal = suppliersLocal.length > 0 && chance(buyer.region === 'local' ? localPref : 0.25);
      const pool = (wantLocal ? suppliersLocal : suppliersExternal).filter((s) => !chosen.includes(s) && s !== buyer);
      if (pool.length) chosen.push(pick(pool));
    }
    if (!chosen.length) continue;
    const weights = chosen.map(() => 0.3 + rand());
    const covered = 0.6 + 0.4 * rand();
    const total = weights.reduce((a, b) => a + b, 0);
    chosen.forEach((supplier, i) => {
      const key = `${supplier.id}>${buyer.id}`;
      if (supplyKeys.has(key)) return;
      supplyKeys.add(key);
      supplies.push({ from: supplier.id, to: buyer.id, product: segmentNames.get(from) ?? from, share: Math.max(0.05, Math.round(((weights[i]! / total) * covered) * 100) / 100) });
    });
  }
}

function csvCell(value: unknown): string {
  const text = Array.isArray(value) ? value.join(';') : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
const enterpriseHeader = ['id', 'name', 'shortName', 'uscc', 'region', 'province', 'city', 'areaId', 'output', 'aboveScale', 'tags', 'founded', 'segments', 'origin', 'sample'];
writeFileSync(
  path.join(SEEDS_DIR, 'sample', 'enterprises.csv'),
  toCsv(
    enterpriseHeader,
    enterprises.map((e) => [e.id, e.name, e.shortName, e.uscc, e.region, e.province, e.city, e.areaId, e.output, e.aboveScale, e.tags, e.founded, e.segments.map((s) => `${s.segment}=${s.role}`), 'sample', true]),
  ),
);
writeFileSync(
  path.join(SEEDS_DIR, 'sample', 'supplies.csv'),
  toCsv(['from', 'to', 'product', 'share', 'origin', 'sample'], supplies.map((s) => [s.from, s.to, s.product, s.share, 'sample', true])),
);
const perRegion = Object.fromEntries(['local', 'anhui', 'yrd', 'other'].map((r) => [r, enterprises.filter((e) => e.region === r).length]));
console.log(`wrote ${enterprises.length} enterprises (${JSON.stringify(perRegion)}) and ${supplies.length} supplies to seeds/sample/`);
