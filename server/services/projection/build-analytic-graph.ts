import type { Store } from '../../store/store.ts';
import { localCode, type AnalyticGraph } from './analytic-graph.ts';

interface SegmentRead {
  id: string;
  name: string | null;
  nameEn: string | null;
  stage: string | null;
  chainIds: string[];
  feedsTo: string[];
}
interface EnterpriseRead {
  id: string;
  name: string | null;
  region: string | null;
  output: number | null;
  aboveScale: boolean | null;
  tags: string[] | null;
  local: unknown;
  areaIds: string[];
  areaIdsWithProperties: string[];
}

/**
 * Counting sort of `n` items into `buckets` by key: CSR start offsets and, per
 * position, the item. Stable: within a bucket, items keep the order `order`
 * lists them in (default 0 … n-1) — so sorting by end node, then by start node
 * in that order, lists each start node's relationships with ascending ends.
 */
export function csr(buckets: number, n: number, key: (i: number) => number, order?: Int32Array): { start: Int32Array; item: Int32Array } {
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) start[key(i) + 1]! += 1;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const fill = start.slice(0, buckets);
  const item = new Int32Array(n);
  if (order) for (const i of order) item[fill[key(i)]!++] = i;
  else for (let i = 0; i < n; i++) item[fill[key(i)]!++] = i;
  return { start, item };
}

/**
 * Enterprises read per query: at tier L (1M enterprises, 5M SUPPLIES) one
 * query for all would hold every row in memory at once and outlast the
 * embedded engine's 30 s query limit.
 */
export const PROJECTION_PAGE = 50_000;

/**
 * Reads segments, enterprises, OPERATES_IN and SUPPLIES out of the store
 * (queries under cypher/read/projection, and read/import/operates-in) and packs
 * them into an AnalyticGraph, tagged with the write generation it was read at.
 * Enterprises and their SUPPLIES are read in pages of PROJECTION_PAGE ids.
 * Links to an enterprise or segment the other reads did not see (a write in
 * between) are left out; the generation then differs and the graph is not used.
 */
export async function buildAnalyticGraph(store: Store, { page = PROJECTION_PAGE } = {}): Promise<AnalyticGraph> {
  const generation = store.writeGeneration();
  const t0 = performance.now();
  const [segRows, idRows, opRows] = await Promise.all([
    store.run<SegmentRead>('read/projection/segments'),
    store.run<{ id: string }>('read/projection/enterprise-ids'),
    store.run<{ enterprise: string; segment: string; role: string | null }>('read/import/operates-in'),
  ]);
  const entIds = idRows.map((r) => r.id);
  const entIndex = new Map<string, number>();
  entIds.forEach((id, i) => entIndex.set(id, i));
  const entRows: EnterpriseRead[] = new Array(entIds.length);
  // SUPPLIES as numbers as they are read (a page's rows are let go before the next page).
  const from: number[] = [];
  const to: number[] = [];
  const shareOf: number[] = [];
  let rows = segRows.length + entIds.length + opRows.length;
  for (let at = 0; at < entIds.length; at += page) {
    const ids = entIds.slice(at, at + page);
    const [enterprises, supplies] = await Promise.all([
      store.run<EnterpriseRead>('read/projection/enterprises', { ids }),
      store.run<{ supplier: string; buyer: string; share: number | null }>('read/projection/supplies', { ids }),
    ]);
    for (const e of enterprises) {
      const i = entIndex.get(e.id);
      if (i !== undefined) entRows[i] = e;
    }
    for (const r of supplies) {
      const a = entIndex.get(r.supplier);
      const b = entIndex.get(r.buyer);
      if (a === undefined || b === undefined) continue;
      from.push(a);
      to.push(b);
      shareOf.push(typeof r.share === 'number' ? r.share : NaN);
    }
    rows += supplies.length;
  }
  const t1 = performance.now();

  const nSeg = segRows.length;
  const segIndex = new Map(segRows.map((s, i) => [s.id, i]));
  const feedsTo = segRows.map((s) => s.feedsTo.flatMap((id) => segIndex.get(id) ?? []));
  const feedsFrom: number[][] = segRows.map(() => []);
  feedsTo.forEach((to, s) => to.forEach((t) => feedsFrom[t]!.push(s)));
  const ofChain = new Map<string, number[]>();
  segRows.forEach((s, i) => {
    for (const c of s.chainIds) {
      const list = ofChain.get(c) ?? [];
      list.push(i);
      ofChain.set(c, list);
    }
  });

  const n = entIds.length;
  const name: (string | null)[] = new Array(n);
  const region: (string | null)[] = new Array(n);
  const output: (number | null)[] = new Array(n);
  const aboveScale: (boolean | null)[] = new Array(n);
  const tags: (string[] | null)[] = new Array(n);
  const local = new Uint8Array(n);
  const leaderTag = new Uint8Array(n);
  // Tag lists repeat (a handful of combinations): one array per combination.
  const tagSets = new Map<string, string[]>();
  const areaIds: string[] = [];
  const areaIndex = new Map<string, number>();
  const locStart = new Int32Array(n + 1);
  const locList: number[] = [];
  const locProps: number[] = [];
  for (let i = 0; i < n; i++) {
    // An enterprise deleted after the ids were read: kept as an empty row (the generation differs, so the graph is not used).
    const e = entRows[i] ?? {
      id: entIds[i]!,
      name: null,
      region: null,
      output: null,
      aboveScale: null,
      tags: null,
      local: null,
      areaIds: [],
      areaIdsWithProperties: [],
    };
    name[i] = e.name;
    region[i] = e.region;
    output[i] = e.output;
    aboveScale[i] = e.aboveScale;
    if (Array.isArray(e.tags)) {
      const key = JSON.stringify(e.tags);
      let t = tagSets.get(key);
      if (!t) tagSets.set(key, (t = e.tags));
      tags[i] = t;
      if (t.includes('链主')) leaderTag[i] = 1;
    } else tags[i] = null;
    local[i] = localCode(e.local);
    // which of these LOCATED_IN have properties (the explore topology reads those when shown)
    const propertied = e.areaIdsWithProperties?.length ? [...e.areaIdsWithProperties] : null;
    for (const a of e.areaIds) {
      const p = propertied ? propertied.indexOf(a) : -1;
      if (p >= 0) propertied!.splice(p, 1);
      locProps.push(p >= 0 ? 1 : 0);
      let k = areaIndex.get(a);
      if (k === undefined) {
        areaIndex.set(a, (k = areaIds.length));
        areaIds.push(a);
      }
      locList.push(k);
    }
    locStart[i + 1] = locList.length;
  }

  // OPERATES_IN: by enterprise first, then members per segment in enterprise order (ascending ids).
  const roles: (string | null)[] = [null];
  const roleCode = new Map<string | null, number>([[null, 0]]);
  const opEnt: number[] = [];
  const opSeg: number[] = [];
  const opRole: number[] = [];
  for (const o of opRows) {
    const e = entIndex.get(o.enterprise);
    const s = segIndex.get(o.segment);
    if (e === undefined || s === undefined) continue;
    const role = o.role ?? null;
    let r = roleCode.get(role);
    if (r === undefined) {
      roleCode.set(role, (r = roles.length));
      roles.push(role);
    }
    opEnt.push(e);
    opSeg.push(s);
    opRole.push(r);
  }
  const byEnt = csr(n, opEnt.length, (i) => opEnt[i]!);
  const opSegOf = Int32Array.from(byEnt.item, (i) => opSeg[i]!);
  const memberStart = new Int32Array(nSeg + 1);
  for (const s of opSeg) memberStart[s + 1]! += 1;
  for (let s = 0; s < nSeg; s++) memberStart[s + 1]! += memberStart[s]!;
  const fill = memberStart.slice(0, nSeg);
  const member = new Int32Array(opEnt.length);
  const memberRole = new Uint16Array(opEnt.length);
  const leaderRoleCode = roleCode.get('leader') ?? -1;
  const leaderRole = new Uint8Array(n);
  for (const i of byEnt.item) {
    const at = fill[opSeg[i]!]!++;
    member[at] = opEnt[i]!;
    memberRole[at] = opRole[i]!;
    if (opRole[i] === leaderRoleCode) leaderRole[opEnt[i]!] = 1;
  }

  // SUPPLIES: by buyer, then by supplier in buyer order, so each supplier's buyers ascend.
  const m = from.length;
  const bySupplier = csr(n, m, (i) => from[i]!, csr(n, m, (i) => to[i]!).item);
  const outStart = bySupplier.start;
  const outTo = Int32Array.from(bySupplier.item, (i) => to[i]!);
  const outShare = Float64Array.from(bySupplier.item, (i) => shareOf[i]!);

  return {
    generation,
    segments: {
      ids: segRows.map((s) => s.id),
      index: segIndex,
      name: segRows.map((s) => s.name),
      nameEn: segRows.map((s) => s.nameEn),
      stage: segRows.map((s) => s.stage),
      chainIds: segRows.map((s) => s.chainIds),
      feedsTo,
      feedsFrom,
      ofChain,
      memberStart,
      member,
      memberRole,
    },
    enterprises: {
      ids: entIds,
      index: entIndex,
      name,
      region,
      output,
      aboveScale,
      tags,
      local,
      leaderTag,
      leaderRole,
      opStart: byEnt.start,
      opSeg: opSegOf,
      locStart,
      locArea: Int32Array.from(locList),
      locHasProps: Uint8Array.from(locProps),
      outStart,
      outTo,
      outShare,
    },
    areas: { ids: areaIds, index: areaIndex },
    roles,
    leaderRoleCode,
    stats: { rows, readMs: t1 - t0, buildMs: performance.now() - t1 },
  };
}
