import { normaliseName } from '../../model/normalise-name.ts';
import type { Store } from '../../store/store.ts';
import { ValidationError } from '../../errors.ts';
import { nameIndexSource } from '../projection/name-index-source.ts';
import { cypherNameMatches, indexNameMatches, type NameMatches } from './name-matches.ts';

/** Labels the search looks at, in the order the API lists them. */
export const SEARCH_LABELS = ['Enterprise', 'Segment', 'Chain', 'Unit'] as const;
export type SearchLabel = (typeof SEARCH_LABELS)[number];
const isSearchLabel = (label: string): label is SearchLabel => (SEARCH_LABELS as readonly string[]).includes(label);

export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 50;

export type MatchKind = 'EXACT' | 'PREFIX' | 'CONTAINS';

export interface SearchHit {
  id: string;
  label: SearchLabel;
  name: string;
  shortName: string | null;
  /** The alias that matched when neither name did (segments and chains). */
  alias: string | null;
  match: MatchKind;
  /** Where the hit sits: its area and chains, e.g. `巢湖市 · 新能源汽车零部件`; null when the graph says nothing. */
  context: string | null;
  areas: string[];
  chains: string[];
}

interface ContextRow {
  id: string;
  label: SearchLabel;
  name: string;
  shortName: string | null;
  aliases: string[] | null;
  areas: string[] | null;
  segments: { id: string; name: string | null }[] | null;
  chains: { segmentId: string; name: string | null }[] | null;
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

const MATCH_KINDS: MatchKind[] = ['EXACT', 'PREFIX', 'CONTAINS'];

/** The name index's matches while it is current, else the store's (server/services/projection/name-index-source.ts). */
export function nameMatches(store: Store): NameMatches {
  const names = nameIndexSource(store);
  return names ? indexNameMatches(names.index) : cypherNameMatches(store);
}

export interface SearchOptions {
  /** Restrict to these labels (default all of SEARCH_LABELS). */
  labels?: readonly string[] | null;
  limit?: number | null;
}

/**
 * Finds enterprises, segments, chains and units by name or short name. Both the
 * query and stored names are normalised (see normaliseName), so 有限公司 /
 * 有限责任公司 and （） / () variants match; the raw text is matched too, for
 * nodes not yet normalised. Ranked exact > prefix > contains, then shorter names.
 * The matches come from the in-memory name index while it is current, else from
 * the store's queries (name-matches.ts): the same hits either way. Their context
 * (areas, chains) is read from the store.
 */
export async function search(store: Store, text: string, options: SearchOptions = {}, matches: NameMatches = nameMatches(store)): Promise<SearchHit[]> {
  const raw = text.trim();
  if (raw.length === 0) throw new ValidationError('text: must not be empty', 'text');
  const limit = options.limit ?? SEARCH_DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_MAX_LIMIT) {
    throw new ValidationError(`limit: must be an integer from 1 to ${SEARCH_MAX_LIMIT}, got ${limit}`, 'limit');
  }
  const labels = options.labels?.length ? options.labels : SEARCH_LABELS;
  for (const label of labels) {
    if (!isSearchLabel(label)) {
      throw new ValidationError(`labels: '${label}' is not searchable; use one of ${SEARCH_LABELS.join(', ')}`, 'labels');
    }
  }
  const q = normaliseName(raw) || raw;
  const ranked = await matches(q, raw, [...labels], limit);
  if (ranked.length === 0) return [];
  const contexts = new Map((await store.run<ContextRow>('read/explore/search-context', { ids: ranked.map((m) => m.id) })).map((c) => [c.id, c]));
  const rows = ranked.flatMap((m) => {
    const c = contexts.get(m.id);
    if (!c || !isSearchLabel(m.label)) return [];
    const areas = unique((c.areas ?? []).filter((a): a is string => a != null)).sort();
    // per segment (or chain) the chains having it, else its own name: coalesce(c.name, s.name)
    const chainsOf = new Map<string, (string | null)[]>();
    for (const ch of c.chains ?? []) chainsOf.set(ch.segmentId, [...(chainsOf.get(ch.segmentId) ?? []), ch.name]);
    // sorted: the engines return a node's relationships in different orders
    const chains = unique((c.segments ?? []).flatMap((s) => chainsOf.get(s.id) ?? [s.name]).filter((x): x is string => x != null)).sort();
    const byName = [c.name, c.shortName].some((n) => n != null && (normaliseName(n).includes(q) || n.includes(raw)));
    const alias = byName ? null : ((c.aliases ?? []).find((a) => normaliseName(a).includes(q)) ?? null);
    return [{ id: m.id, label: m.label, name: c.name, shortName: c.shortName, alias, rank: m.rank, areas, chains }];
  });
  return rows.map((r) => {
    const areas = r.areas ?? [];
    const chains = r.label === 'Chain' ? [] : (r.chains ?? []);
    const parts = [areas.join('、'), chains.join('、')].filter(Boolean);
    return {
      id: r.id,
      label: r.label,
      name: r.name,
      shortName: r.shortName ?? null,
      alias: r.alias,
      match: MATCH_KINDS[r.rank] ?? 'CONTAINS',
      context: parts.length ? parts.join(' · ') : null,
      areas,
      chains,
    };
  });
}
