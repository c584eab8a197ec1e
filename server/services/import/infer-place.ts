import { divisionOf, usccDivisionCode, type Division } from '../../model/divisions.ts';
import { isLocal, type AreaIndex, type AreaRef } from './reference.ts';

/** Where an enterprise row seems to be, and what says so. */
export interface InferredPlace {
  /** The most specific area of the graph's hierarchy that matches; null when none does. */
  area: AreaRef | null;
  province: string | null;
  city: string | null;
  district: string | null;
  /** 'uscc' (characters 3–8, GB/T 2260), 'address' or 'name'. */
  source: 'uscc' | 'address' | 'name';
  /** e.g. `340181 巢湖市` or `地址含「巢湖」`. */
  evidence: string;
}

/** True when `inner` is `outer` or lies in it. */
export const within = (inner: AreaRef, outer: AreaRef) => inner.id === outer.id || inner.ancestors.some((a) => a.id === outer.id);

/** True when some local area lies in this area (then "registered here" does not say local or not). */
export const holdsLocal = (area: AreaRef, areas: AreaIndex) => !isLocal(area) && areas.all.some((a) => isLocal(a) && within(a, area));

function areaOfDivision(d: Division, areas: AreaIndex): AreaRef | null {
  const candidates = [
    { code: d.code, name: d.name },
    ...(d.city && d.city.code !== d.code ? [d.city] : []),
    ...(d.province.code !== d.code ? [d.province] : []),
  ];
  for (const c of candidates) {
    const byCode = areas.all.filter((a) => a.divisionCode === c.code);
    if (byCode.length === 1) return byCode[0]!;
    const byName = areas.find(c.name);
    if (byName.ok) return byName.value;
  }
  return null;
}

/** From the registering authority's division code in a 统一社会信用代码. */
export function placeFromUscc(uscc: string, areas: AreaIndex): InferredPlace | null {
  const code = usccDivisionCode(uscc);
  // The deployment's own hierarchy first: an area carrying the exact code (its names may differ from the table's).
  const own = areas.all.filter((a) => a.divisionCode === code);
  if (own.length === 1) {
    return placeOfArea(own[0]!, 'uscc', `${code} ${own[0]!.name}`);
  }
  const d = divisionOf(code);
  if (!d) return null;
  return {
    area: areaOfDivision(d, areas),
    province: d.province.name,
    city: d.city?.name ?? null,
    district: d.level === 'district' ? d.name : null,
    source: 'uscc',
    evidence: `${code} ${d.level === 'district' && d.city ? `${d.province.name}${d.city.name === d.province.name ? '' : d.city.name}${d.name}` : d.name}`,
  };
}

/** Name of an area without its level suffix (巢湖市 → 巢湖), when two characters or more remain. */
function shortName(name: string): string | null {
  const short = name.replace(/(省|市|区|县|镇|乡|街道|自治区|经开区|开发区|高新区)$/, '');
  return short.length >= 2 && short !== name ? short : null;
}

/** From an address or an enterprise name: the most specific area of the hierarchy whose name (or name without 市/县/镇 …) it contains. */
export function placeFromText(text: string, source: 'address' | 'name', areas: AreaIndex): InferredPlace | null {
  if (!text) return null;
  // the most specific match, then the longest; two different areas tying for it (青禾区 and 青禾高新区 for 青禾) say nothing
  let best: { area: AreaRef; match: string; tied: boolean } | null = null;
  for (const a of areas.all) {
    const match = [a.name, shortName(a.name)].find((n): n is string => !!n && text.includes(n));
    if (!match) continue;
    const depth = a.ancestors.length;
    const bestDepth = best?.area.ancestors.length ?? -1;
    if (!best || depth > bestDepth || (depth === bestDepth && match.length > best.match.length)) best = { area: a, match, tied: false };
    else if (depth === bestDepth && match.length === best.match.length) best.tied = true;
  }
  if (!best || best.tied) return null;
  return placeOfArea(best.area, source, `${source === 'address' ? '地址' : '企业名称'}含「${best.match}」`);
}

function placeOfArea(area: AreaRef, source: InferredPlace['source'], evidence: string): InferredPlace {
  const chain = [area, ...area.ancestors];
  return {
    area,
    province: chain.find((a) => a.level === 'province')?.name ?? null,
    city: chain.find((a) => a.level === 'city')?.name ?? null,
    district: chain.find((a) => a.level === 'district')?.name ?? null,
    source,
    evidence,
  };
}
