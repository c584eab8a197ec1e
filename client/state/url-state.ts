import { isLang, type Lang } from '../i18n.ts';

export type View = 'map' | 'responsibility' | 'targets' | 'pipeline' | 'report';
export const VIEWS: readonly View[] = ['map', 'responsibility', 'targets', 'pipeline', 'report'];

/**
 * `both` (every local area together) or one area id. Which areas exist comes
 * from the data (localAreas); the shell replaces an id it does not know with `both`.
 */
export type AreaChoice = 'both' | `area:${string}`;

/**
 * Everything a deep link restores. Query-string form (all keys optional):
 * `?view=map&chain=<chainId>&area=<area id without area:>|both&sel=<nodeId>&gap=<gapId>&cand=<enterpriseId>&from=<id>&to=<id>&expand=<id>,<id>&lang=zh|en`.
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
  /** Nodes whose neighbours were added to the map (展开邻居), in order, so a copied link shows them too. */
  expanded: string[];
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
  expanded: [],
  lang: 'zh',
};

/** At most this many expanded nodes are kept in a link. */
export const MAX_EXPANDED = 20;

const MAX_ID = 200;

function id(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed && trimmed.length <= MAX_ID ? trimmed : null;
}

function areaFrom(value: string | null): AreaChoice {
  const v = id(value);
  if (v === null || v === 'both' || /\s/.test(v)) return 'both';
  return (v.startsWith('area:') ? v : `area:${v}`) as AreaChoice;
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
    expanded: [
      ...new Set(
        (params.get('expand') ?? '')
          .split(',')
          .map((x) => id(x))
          .filter((x): x is string => x !== null),
      ),
    ].slice(0, MAX_EXPANDED),
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
  if (state.expanded.length) params.set('expand', state.expanded.join(','));
  if (state.lang !== DEFAULT_STATE.lang) params.set('lang', state.lang);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Applies a change and clears what no longer makes sense: a new chain or area
 * drops the selection, gap, highlighted candidate and expanded nodes; a new gap drops the candidate.
 */
export function updateState(state: AppState, change: Partial<AppState>): AppState {
  const next = { ...state, ...change };
  const chainChanged = 'chain' in change && change.chain !== state.chain;
  const areaChanged = 'area' in change && change.area !== state.area;
  if (chainChanged || areaChanged) {
    if (!('sel' in change)) next.sel = null;
    if (!('gap' in change)) next.gap = null;
    if (!('cand' in change)) next.cand = null;
    if (!('expanded' in change)) next.expanded = [];
  }
  if ('gap' in change && change.gap !== state.gap && !('cand' in change)) next.cand = null;
  return next;
}
