import { isLang, type Lang } from '../i18n.ts';

export type View = 'map' | 'responsibility' | 'targets' | 'pipeline';
export const VIEWS: readonly View[] = ['map', 'responsibility', 'targets', 'pipeline'];

/** The plan's two areas; `both` shows them together. */
export type AreaChoice = 'both' | 'area:chaohu' | 'area:anchao';
export const AREA_CHOICES: readonly AreaChoice[] = ['both', 'area:chaohu', 'area:anchao'];

/**
 * Everything a deep link restores. Query-string form (all keys optional):
 * `?view=map&chain=<chainId>&area=chaohu|anchao|both&sel=<nodeId>&gap=<gapId>&cand=<enterpriseId>&from=<id>&to=<id>&lang=zh|en`.
 * Unknown or malformed values fall back to the defaults rather than failing,
 * since links get pasted into chat tools that mangle them.
 */
export interface AppState {
  view: View;
  /** null = all chains. */
  chain: string | null;
  area: AreaChoice;
  /** Selected node on the map (segment, enterprise). */
  sel: string | null;
  /** Gap whose target enterprises are listed. */
  gap: string | null;
  /** Candidate enterprise whose explanation path is highlighted. */
  cand: string | null;
  /** Ends of a path query. */
  from: string | null;
  to: string | null;
  lang: Lang;
}

export const DEFAULT_STATE: AppState = {
  view: 'map',
  chain: null,
  area: 'both',
  sel: null,
  gap: null,
  cand: null,
  from: null,
  to: null,
  lang: 'zh',
};

const MAX_ID = 200;

function id(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed && trimmed.length <= MAX_ID ? trimmed : null;
}

function areaFrom(value: string | null): AreaChoice {
  if (value === null) return 'both';
  const full = value.startsWith('area:') ? value : `area:${value}`;
  return (AREA_CHOICES as readonly string[]).includes(full) ? (full as AreaChoice) : 'both';
}

/** Parses a query string (with or without `?`) or a hash (`#view=…`) into a full state. */
export function parseState(search: string): AppState {
  const params = new URLSearchParams(search.replace(/^[?#]/, ''));
  const view = params.get('view');
  const lang = params.get('lang');
  return {
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : DEFAULT_STATE.view,
    chain: id(params.get('chain')),
    area: areaFrom(params.get('area')),
    sel: id(params.get('sel')),
    gap: id(params.get('gap')),
    cand: id(params.get('cand')),
    from: id(params.get('from')),
    to: id(params.get('to')),
    lang: isLang(lang) ? lang : DEFAULT_STATE.lang,
  };
}

/** The query string for a state, without defaults, in a stable key order; '' for the default state. */
export function serializeState(state: AppState): string {
  const params = new URLSearchParams();
  if (state.view !== DEFAULT_STATE.view) params.set('view', state.view);
  if (state.chain) params.set('chain', state.chain);
  if (state.area !== 'both') params.set('area', state.area.replace(/^area:/, ''));
  if (state.sel) params.set('sel', state.sel);
  if (state.gap) params.set('gap', state.gap);
  if (state.cand) params.set('cand', state.cand);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.lang !== DEFAULT_STATE.lang) params.set('lang', state.lang);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Applies a change and clears what no longer makes sense: a new chain or area
 * drops the selection, gap and highlighted candidate; a new gap drops the candidate.
 */
export function updateState(state: AppState, change: Partial<AppState>): AppState {
  const next = { ...state, ...change };
  const chainChanged = 'chain' in change && change.chain !== state.chain;
  const areaChanged = 'area' in change && change.area !== state.area;
  if (chainChanged || areaChanged) {
    if (!('sel' in change)) next.sel = null;
    if (!('gap' in change)) next.gap = null;
    if (!('cand' in change)) next.cand = null;
  }
  if ('gap' in change && change.gap !== state.gap && !('cand' in change)) next.cand = null;
  return next;
}

/** The area ids a choice covers, for API filters. */
export function areaIds(area: AreaChoice): string[] {
  return area === 'both' ? ['area:chaohu', 'area:anchao'] : [area];
}
