/**
 * The in-memory projection of the analytic subgraph (issue 17), the way Neo4j's
 * Graph Data Science serves analytics: segments (chains, FEEDS), enterprises
 * (the fields the analyses use), OPERATES_IN, LOCATED_IN and SUPPLIES as
 * compact arrays, read out of the store in one pass (build-analytic-graph.ts).
 * The store stays the source of truth: a graph is used only while the store's
 * write generation is the one it was read at (projection-registry.ts).
 *
 * Enterprises and segments are numbered in the order of `ORDER BY id` of the
 * engine they were read from, so comparing numbers compares ids the way the
 * engine's queries order them. Edge lists are CSR arrays (typed arrays, no
 * object per edge: tier L has 5M SUPPLIES); a relationship that exists twice is
 * listed twice, as the queries would count it.
 */
export interface AnalyticGraph {
  /** The store's write generation the graph was read at. */
  generation: number;
  segments: {
    ids: string[];
    index: Map<string, number>;
    name: (string | null)[];
    nameEn: (string | null)[];
    stage: (string | null)[];
    /** HAS_SEGMENT: chain ids per segment, as read. */
    chainIds: string[][];
    /** FEEDS out and in, segment numbers. */
    feedsTo: number[][];
    feedsFrom: number[][];
    /** Segments per chain (HAS_SEGMENT). */
    ofChain: Map<string, number[]>;
    /** OPERATES_IN by segment: members[memberStart[s] .. memberStart[s+1]) are enterprise numbers, ascending, with the link's role code. */
    memberStart: Int32Array;
    member: Int32Array;
    memberRole: Uint16Array;
  };
  enterprises: {
    ids: string[];
    index: Map<string, number>;
    name: (string | null)[];
    /** The stored values as read (null when missing). */
    region: (string | null)[];
    output: (number | null)[];
    aboveScale: (boolean | null)[];
    tags: (string[] | null)[];
    /** `local`: see LOCAL_* (Cypher's `= true`, `coalesce(…, false) = false` and null differ). */
    local: Uint8Array;
    /** Tag 链主. */
    leaderTag: Uint8Array;
    /** Some OPERATES_IN with role 'leader'. */
    leaderRole: Uint8Array;
    /** OPERATES_IN by enterprise: segment numbers of opStart[e] .. opStart[e+1]). */
    opStart: Int32Array;
    opSeg: Int32Array;
    /** LOCATED_IN (Area): area numbers of locStart[e] .. locStart[e+1]). */
    locStart: Int32Array;
    locArea: Int32Array;
    /** 1 where that LOCATED_IN has properties (the explore topology reads them when it shows the edge). */
    locHasProps: Uint8Array;
    /** SUPPLIES by supplier: buyers of outStart[e] .. outStart[e+1]), ascending, share NaN when missing. */
    outStart: Int32Array;
    outTo: Int32Array;
    outShare: Float64Array;
  };
  areas: { ids: string[]; index: Map<string, number> };
  /** OPERATES_IN role strings by code (code 0: no role). */
  roles: (string | null)[];
  /** Role codes that make a member a 链主 there ('leader'). */
  leaderRoleCode: number;
  /** Rows read and the time it took. */
  stats: { rows: number; readMs: number; buildMs: number };
}

export const LOCAL_FALSE = 0;
export const LOCAL_TRUE = 1;
export const LOCAL_NULL = 2;
/** A value other than a boolean: neither `= true` nor `coalesce(…, false) = false`. */
export const LOCAL_OTHER = 3;

export const localCode = (v: unknown): number =>
  v === true ? LOCAL_TRUE : v === false ? LOCAL_FALSE : v === null || v === undefined ? LOCAL_NULL : LOCAL_OTHER;
/** `coalesce(e.local, false) = false`: the enterprises candidates are drawn from. */
export const isExternal = (code: number) => code === LOCAL_FALSE || code === LOCAL_NULL;

/**
 * How many times each area appears in an area scope: `UNWIND $areaIds` repeats a
 * row per occurrence, `a.id IN $areaIds` counts an area once.
 */
export interface AreaScope {
  unwind: Int32Array;
  member: Uint8Array;
}

export function areaScope(g: AnalyticGraph, areaIds: string[]): AreaScope {
  const unwind = new Int32Array(g.areas.ids.length);
  const member = new Uint8Array(g.areas.ids.length);
  for (const id of areaIds) {
    const a = g.areas.index.get(id);
    if (a === undefined) continue;
    unwind[a]! += 1;
    member[a] = 1;
  }
  return { unwind, member };
}

/** Rows an enterprise gives in `UNWIND $areaIds … (a {id})<-[:LOCATED_IN]-(e)`. */
export function unwindRows(g: AnalyticGraph, scope: AreaScope, e: number): number {
  const { locStart, locArea } = g.enterprises;
  let n = 0;
  for (let k = locStart[e]!; k < locStart[e + 1]!; k++) n += scope.unwind[locArea[k]!]!;
  return n;
}

/** Rows an enterprise gives in `(e)-[:LOCATED_IN]->(a:Area) WHERE $areaIds IS NULL OR a.id IN $areaIds` (scope null: every area). */
export function locatedRows(g: AnalyticGraph, scope: AreaScope | null, e: number): number {
  const { locStart, locArea } = g.enterprises;
  if (!scope) return locStart[e + 1]! - locStart[e]!;
  let n = 0;
  for (let k = locStart[e]!; k < locStart[e + 1]!; k++) n += scope.member[locArea[k]!]!;
  return n;
}
