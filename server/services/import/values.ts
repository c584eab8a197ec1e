import type { ProjectElement, ProjectStage } from '../../model/vocabulary.ts';
import type { AmountUnit, IssueCode } from './types.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: IssueCode; detail?: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(code: IssueCode, detail?: Record<string, string | number>): Parsed<T> => ({ ok: false, code, detail });

/** Full-width digits and punctuation become half-width; thousands separators go. */
function numericText(text: string): string {
  return text.normalize('NFKC').replace(/[,\s]/g, '');
}

/**
 * An amount in 万元. The cell may carry its own unit (`12亿元`, `3500万`),
 * which wins over the column's. Rounded to 4 decimals so 1.23 亿元 is 12300.
 */
export function parseAmount(text: string, columnUnit: AmountUnit): Parsed<number> {
  let t = numericText(text);
  let unit = columnUnit;
  const suffix = /(亿元|亿|万元|万|元)$/.exec(t);
  if (suffix) {
    if (suffix[1] === '元') return fail('NOT_A_NUMBER');
    unit = suffix[1]!.startsWith('亿') ? '亿元' : '万元';
    t = t.slice(0, -suffix[1]!.length);
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) return fail('NOT_A_NUMBER');
  const n = Number(t);
  if (!Number.isFinite(n)) return fail('NOT_A_NUMBER');
  if (n < 0) return fail('NEGATIVE_AMOUNT');
  return ok(Math.round((unit === '亿元' ? n * 10000 : n) * 10000) / 10000);
}

/** Share of the buyer's need: 0–1, or a percentage (`30%`, or a number above 1 up to 100 read as percent). */
export function parseShare(text: string): Parsed<number> {
  const t = numericText(text);
  const percent = t.endsWith('%');
  const body = percent ? t.slice(0, -1) : t;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(body)) return fail('NOT_A_NUMBER');
  let n = Number(body);
  if (percent || (n > 1 && n <= 100)) n /= 100;
  if (n < 0 || n > 1) return fail('INVALID_SHARE');
  return ok(Math.round(n * 1e6) / 1e6);
}

const TRUE = new Set(['是', '√', '✓', 'y', 'yes', 'true', '1', 't', '对', '有']);
const FALSE = new Set(['否', '×', '✗', 'n', 'no', 'false', '0', 'f', '不是', '无']);

export function parseBoolean(text: string): Parsed<boolean> {
  const t = text.normalize('NFKC').trim().toLowerCase();
  if (TRUE.has(t)) return ok(true);
  if (FALSE.has(t)) return ok(false);
  return fail('INVALID_BOOLEAN');
}

/** A year: `2015`, `2015年`, `2015-06-01`, `2015/6/1`, `2015.06`. */
export function parseYear(text: string, now = new Date()): Parsed<number> {
  const max = now.getFullYear() + 1;
  const m = /^(\d{4})(?:年|[-/.]\d{1,2}(?:[-/.]\d{1,2})?|年\d{1,2}月(?:\d{1,2}日)?)?$/.exec(text.normalize('NFKC').replace(/\s/g, ''));
  if (!m) return fail('INVALID_YEAR', { max });
  const year = Number(m[1]);
  if (year < 1900 || year > max) return fail('INVALID_YEAR', { max });
  return ok(year);
}

/** Separator our exports write between list items: it cannot occur in a name (names may hold 、 , and /). */
export const LIST_SEPARATOR = '；';

/** What makes a cell more than one item: a separator or a quote. */
const LIST_SYNTAX = /[;；|\n"“]/;

/**
 * Splits a list cell on the separators that cannot occur in names (； ; | and
 * line breaks); an item in quotes ("…" or “…”) is kept whole whatever it holds.
 */
export function splitList(text: string): string[] {
  if (!LIST_SYNTAX.test(text)) {
    // the common cell, one item: no need to walk it character by character
    const item = text.trim();
    return item ? [item] : [];
  }
  const items: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === '"' || ch === '“') quote = ch === '"' ? '"' : '”';
    else if (/[;；|\n]/.test(ch)) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items.map((s) => s.trim()).filter(Boolean);
}

/**
 * Splits a cell listing names (segments): each item of splitList is kept whole
 * when it is a known name (铝基/镁基复合材料, 铸件、锻件一体化); an unknown item
 * is split further on 、 , ， / (lists typed by hand) only when every part is
 * known. Unknown items are returned whole, for the caller to report.
 */
export function splitNames(text: string, known: (name: string) => boolean): string[] {
  return splitList(text).flatMap((item) => {
    if (known(item)) return [item];
    const parts = item
      .split(/[、,，/]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    return parts.length > 1 && parts.every(known) ? parts : [item];
  });
}

/** Tags: short words, never holding a separator, so 、 , ， / also separate them. */
function splitTags(text: string): string[] {
  return splitList(text).flatMap((item) =>
    item
      .split(/[、,，/]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

const TAG_ALIASES: Record<string, string> = {
  高新技术企业: '高新技术',
  国家高新技术企业: '高新技术',
  高新: '高新技术',
  专精特新企业: '专精特新',
  省专精特新: '专精特新',
  '专精特新"小巨人"': '小巨人',
  专精特新小巨人: '小巨人',
  国家级小巨人: '小巨人',
  '"小巨人"': '小巨人',
  链主企业: '链主',
  战新企业: '战新',
  战略性新兴产业企业: '战新',
};

/** Tags as the model names them (高新技术, 专精特新, 小巨人, 链主, 战新); other tags are kept as written. Sorted, unique. */
export function parseTags(text: string): string[] {
  const tags = splitTags(text).map((t) => {
    const plain = t.normalize('NFKC').replace(/[“”]/g, '"');
    return TAG_ALIASES[plain] ?? plain;
  });
  return [...new Set(tags)].sort();
}

const ROLES: Record<string, 'leader' | 'core' | 'supplier'> = {
  链主: 'leader',
  链主企业: 'leader',
  leader: 'leader',
  核心: 'core',
  核心企业: 'core',
  core: 'core',
  配套: 'supplier',
  配套企业: 'supplier',
  supplier: 'supplier',
};

export function parseRole(text: string): Parsed<'leader' | 'core' | 'supplier'> {
  const role = ROLES[text.normalize('NFKC').trim().toLowerCase()];
  return role ? ok(role) : fail('INVALID_ROLE');
}

const STAGES: Record<string, 'upstream' | 'midstream' | 'downstream'> = {
  上游: 'upstream',
  upstream: 'upstream',
  中游: 'midstream',
  midstream: 'midstream',
  下游: 'downstream',
  downstream: 'downstream',
};

export function parseStage(text: string): Parsed<'upstream' | 'midstream' | 'downstream'> {
  const stage = STAGES[text.normalize('NFKC').trim().toLowerCase()];
  return stage ? ok(stage) : fail('INVALID_STAGE');
}

const REGIONS: Record<string, 'local' | 'anhui' | 'yrd' | 'other'> = {
  本地: 'local',
  local: 'local',
  省内: 'anhui',
  安徽: 'anhui',
  anhui: 'anhui',
  长三角: 'yrd',
  yrd: 'yrd',
  其他: 'other',
  其它: 'other',
  other: 'other',
};

export function parseRegion(text: string): Parsed<'local' | 'anhui' | 'yrd' | 'other'> {
  const region = REGIONS[text.normalize('NFKC').trim().toLowerCase()];
  return region ? ok(region) : fail('INVALID_REGION');
}

/** A USCC as written: NFKC, upper case, spaces and dashes removed. */
export function cleanUscc(text: string): string {
  // a code written as it should be (most of a million-row file) is its own clean form: no need for three new strings
  if (CLEAN_CODE.test(text)) return text;
  return text.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
}

/** Digits and capital ASCII letters only: what NFKC, upper-casing and dropping spaces and hyphens leave unchanged. */
const CLEAN_CODE = /^[0-9A-Z]*$/;

const AREA_LEVELS: Record<string, 'region' | 'province' | 'city' | 'district' | 'town' | 'zone'> = {
  经济区: 'region',
  区域: 'region',
  region: 'region',
  省: 'province',
  省份: 'province',
  省级: 'province',
  自治区: 'province',
  直辖市: 'province',
  province: 'province',
  市: 'city',
  地级市: 'city',
  城市: 'city',
  city: 'city',
  区: 'district',
  县: 'district',
  区县: 'district',
  县级市: 'district',
  district: 'district',
  镇: 'town',
  乡: 'town',
  街道: 'town',
  乡镇: 'town',
  镇街: 'town',
  town: 'town',
  园区: 'zone',
  开发区: 'zone',
  经开区: 'zone',
  高新区: 'zone',
  park: 'zone',
  zone: 'zone',
};

/** Level of an area: 经济区/省/市/区县/镇街/园区 (region/province/city/district/town/zone). */
export function parseAreaLevel(text: string): Parsed<string> {
  const level = AREA_LEVELS[text.normalize('NFKC').trim().toLowerCase()];
  return level ? ok(level) : fail('INVALID_LEVEL');
}

/** A GB/T 2260 division code: six digits (full-width accepted). */
export function parseDivisionCode(text: string): Parsed<string> {
  const t = text.normalize('NFKC').trim();
  return /^\d{6}$/.test(t) ? ok(t) : fail('INVALID_DIVISION_CODE');
}

const PROJECT_STAGES_BY_WORD: Record<string, ProjectStage> = {
  线索: 'lead',
  lead: 'lead',
  洽谈: 'negotiating',
  在谈: 'negotiating',
  谈判: 'negotiating',
  negotiating: 'negotiating',
  签约: 'signed',
  已签约: 'signed',
  signed: 'signed',
  开工: 'started',
  已开工: 'started',
  落地: 'started',
  在建: 'started',
  started: 'started',
  投产: 'producing',
  已投产: 'producing',
  竣工投产: 'producing',
  producing: 'producing',
  终止: 'dropped',
  中止: 'dropped',
  已终止: 'dropped',
  dropped: 'dropped',
};

/** A project stage in Chinese or English (线索/lead … 终止/dropped; 落地 = 开工). */
export function parseProjectStage(text: string): Parsed<ProjectStage> {
  const stage = PROJECT_STAGES_BY_WORD[text.normalize('NFKC').trim().toLowerCase()];
  return stage ? ok(stage) : fail('INVALID_PROJECT_STAGE');
}

/** A calendar date: 2025-03-01, 2025/3/1, 2025.3.1 or 2025年3月1日 (an Excel date cell reads as 2025-03-01); ISO out. */
export function parseDate(text: string): Parsed<string> {
  const m = /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?$/.exec(text.normalize('NFKC').replace(/\s/g, ''));
  if (!m) return fail('INVALID_DATE');
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? fail('INVALID_DATE') : ok(iso);
}

const ELEMENTS_BY_WORD: Record<string, ProjectElement> = {
  制造基地: 'base',
  base: 'base',
  研发中心: 'rnd',
  rnd: 'rnd',
  销售中心: 'sales',
  sales: 'sales',
  上市主体: 'listed',
  listed: 'listed',
  供应商集群企业: 'suppliers',
  供应商集群: 'suppliers',
  suppliers: 'suppliers',
  配套产业基金: 'fund',
  产业基金: 'fund',
  fund: 'fund',
};

/** The "1+5" elements of a cell (制造基地、研发中心 … or BASE, RND …), sorted, unique. */
export function parseElements(text: string): Parsed<ProjectElement[]> {
  const items = splitTags(text);
  const bad = items.find((i) => !ELEMENTS_BY_WORD[i.normalize('NFKC').toLowerCase()]);
  if (bad) return fail('INVALID_ELEMENT', { item: bad });
  return ok([...new Set(items.map((i) => ELEMENTS_BY_WORD[i.normalize('NFKC').toLowerCase()]!))].sort());
}
