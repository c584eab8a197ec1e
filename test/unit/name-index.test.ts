import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../server/model/normalise-name.ts';
import { packedIndex } from '../support/packed-index.ts';
import { NameIndex, NameIndexBuilder, type NameMatch, type NameRow } from '../../server/services/projection/name-index.ts';

/** What read/explore/search + search-exact answer, written plainly: every row tested, ranked, cut at `limit`. */
function reference(rows: NameRow[], q: string, raw: string, labels: string[], limit: number): NameMatch[] {
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const kind = (field: string | null, text: string) => (field === null ? 3 : field === text ? 0 : field.startsWith(text) ? 1 : field.includes(text) ? 2 : 3);
  return rows
    .filter((r) => labels.includes(r.label))
    .map((r) => {
      const aliases = (r.label === 'Segment' || r.label === 'Chain') && Array.isArray(r.searchAliases) ? (r.searchAliases as string[]) : [];
      const rank = Math.min(
        kind(str(r.name), raw),
        kind(str(r.shortName), raw),
        kind(str(r.searchName), q),
        kind(str(r.searchShortName), q),
        ...aliases.map((a) => kind(a, q)),
      );
      return { id: r.id, label: r.label, length: typeof r.name === 'string' ? [...r.name].length : 0, rank };
    })
    .filter((m) => m.rank < 3)
    .sort((a, b) => a.rank - b.rank || a.length - b.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}

const row = (id: string, label: string, name: unknown, shortName: unknown = null, searchAliases: unknown = null): NameRow => ({
  id,
  label,
  name,
  shortName,
  searchName: typeof name === 'string' ? normaliseName(name) : null,
  searchShortName: typeof shortName === 'string' ? normaliseName(shortName) : null,
  searchAliases,
});

/** Names the stores seldom hold but users may: astral characters, missing names, full-width and mixed case, aliases on a label that has none. */
const ODD: NameRow[] = [
  row('ent:1', 'Enterprise', '合肥😀科技有限公司', '😀科技'),
  row('ent:2', 'Enterprise', '合肥科技有限公司', null),
  row('ent:3', 'Enterprise', 'ＢＭＳ电池（巢湖）有限责任公司', 'BMS'),
  row('ent:4', 'Enterprise', null, '无名'),
  row('ent:5', 'Enterprise', '科', ''),
  row('ent:6', 'Enterprise', '巢湖科技', '科技', ['别名科技']),
  row('ent:10', 'Enterprise', '巢湖科技', null),
  row('seg:a', 'Segment', '电池管理系统', 'BMS', ['bms', '电池管理']),
  row('chain:b', 'Chain', '新能源汽车', null, ['新能源车', 'nev']),
  row('unit:c', 'Unit', '市经信局', '经信局'),
  { id: 'ent:7', label: 'Enterprise', name: 42, shortName: ['x'], searchName: null, searchShortName: null, searchAliases: null },
  row('ent:8', 'Enterprise', 'a😀b', 'ab'),
  row('ent:9', 'Enterprise', '😀', null),
];

/** Generated names like the benchmark's: many share words, lengths and prefixes, so ties are decided by id. */
function generated(n: number): NameRow[] {
  const cities = ['合肥', '巢湖', '芜湖', '上海', '苏州'];
  const words = ['科技', '电池', '汽车', '合金', '精密', '新材料', '智能', '铸造'];
  const suffixes = ['有限公司', '有限责任公司', '股份有限公司', '（集团）有限公司'];
  return Array.from({ length: n }, (_, i) => {
    const w1 = words[(i * 7) % words.length]!;
    const w2 = words[(i * 3 + 1) % words.length]!;
    return row(`ent:g${(i * 7919) % n}`, 'Enterprise', `${cities[i % cities.length]}${w1}${w2}${suffixes[i % suffixes.length]}`, `${w1}${w2}`);
  });
}

const TEXTS = [
  '科技',
  '科',
  '😀',
  '😀科技',
  'a😀',
  'BMS',
  'bms',
  'ＢＭＳ',
  '电池管理',
  '新能源车',
  'nev',
  '巢湖科技',
  '合肥科技有限公司',
  '合肥科技有限责任公司',
  '(巢湖)',
  '（巢湖）',
  '无名',
  '别名',
  '经信',
  '局',
  '有限公司',
  '查无',
  'x',
  '合金精密',
  '芜湖',
  '新材料智能',
  '股份',
  '集团',
  '铸造',
];

const LABEL_SETS = [['Enterprise', 'Segment', 'Chain', 'Unit'], ['Enterprise'], ['Segment', 'Chain']];

describe('NameIndex: the hits of the store queries, over names they seldom see', () => {
  const rows = [...ODD, ...generated(2000)];
  const index = NameIndex.build(rows);

  it('finds the same nodes in the same order for every text, label set and limit', () => {
    let hits = 0;
    for (const raw of TEXTS) {
      const q = normaliseName(raw) || raw;
      for (const labels of LABEL_SETS) {
        for (const limit of [1, 7, 50]) {
          const want = reference(rows, q, raw, labels, limit);
          expect(index.find(q, raw, labels, limit), `${raw} ${labels.join('+')} ${limit}`).toEqual(want);
          hits += want.length;
        }
      }
    }
    expect(hits).toBeGreaterThan(500);
  });

  it('counts name length in code points, as Cypher size() does', () => {
    expect(index.find('a😀', 'a😀', ['Enterprise'], 5)).toEqual([{ id: 'ent:8', label: 'Enterprise', length: 3, rank: 1 }]);
  });

  it('says how big it is', () => {
    expect(index.size).toBe(rows.length);
    expect(index.stats.postings).toBeGreaterThan(rows.length);
    expect(index.stats.bytes).toBeGreaterThan(0);
  });
});

describe('NameIndexBuilder: names added a page at a time', () => {
  const rows = [...ODD, ...generated(3000)];
  const whole = NameIndex.build(rows);

  it('packs the same index as all rows at once, whatever the pages and however many rows it was told to expect', () => {
    for (const [page, expected] of [
      [1, 0],
      [7, 0],
      [500, 10],
      [1000, rows.length],
      [2999, 5 * rows.length],
    ] as const) {
      const builder = new NameIndexBuilder(expected);
      for (let at = 0; at < rows.length; at += page) builder.add(rows.slice(at, at + page));
      const index = builder.finish();
      expect(packedIndex(index), `pages of ${page}, ${expected} expected`).toEqual(packedIndex(whole));
      expect(index.find('科技', '科技', ['Enterprise'], 20)).toEqual(reference(rows, '科技', '科技', ['Enterprise'], 20));
    }
  });

  it('an index of no rows finds nothing', () => {
    const index = new NameIndexBuilder().finish();
    expect(index.size).toBe(0);
    expect(index.find('科技', '科技', ['Enterprise'], 5)).toEqual([]);
  });
});
