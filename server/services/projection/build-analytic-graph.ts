import type { Store } from '../../store/store.ts';
import { localCode, type AnalyticGraph } from './analytic-graph.ts';
import { ENTERPRISE_PAGE, enterpriseIds, readEnterprisePages } from './enterprise-pages.ts';
import { float64s, int32s } from './growing-array.ts';

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
type OperatesRead = { enterprise: string; segment: string; role: string | null };
type SuppliesRead = { supplier: string; buyer: string; share: number | null };

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
 * `out[k] = value(order[k])` for every k. What `Int32Array.from(order, value)`
 * computes, without the JS list of every value that `from` builds first (at tier
 * L, 7M relationships: ~0.6 GB of transient heap per call).
 */
export function gather<A extends Int32Array | Uint8Array | Uint16Array | Float64Array>(out: A, order: Int32Array, value: (i: number) => number): A {
  for (let k = 0; k < order.length; k++) out[k] = value(order[k]!);
  return out;
}

/**
 * Reads segments, enterprises, OPERATES_IN and SUPPLIES out of the store
 * (queries under cypher/read/projection, and read/import/operates-in-page) and
 * packs them into an AnalyticGraph, tagged with the write generation it was read at.
 * Enterprises, their OPERATES_IN and their SUPPLIES are read in pages of `page`
 * ids (enterprise-pages.ts), each page packed into typed arrays and let go
 * before the next is read: at tier L no more than one page's rows are held.
 * Links to an enterprise or segment the other reads did not see (a write in
 * between) are left out; the generation then differs and the graph is not used.
 */
export async function buildAnalyticGraph(store: Store, { page = ENTERPRISE_PAGE } = {}): Promise<AnalyticGraph> {
  const generation = store.writeGeneration();
  const t0 = performance.now();
  const [segRows, entIds] = await Promise.all([store.run<SegmentRead>('read/projection/segments'), enterpriseIds(store)]);
  const nSeg = segRows.length;
  const segIndex = new Map(segRows.map((s, i) => [s.id, i]));
  const n = entIds.length;
  const entIndex = new Map<string, number>();
  entIds.forEach((id, i) => entIndex.set(id, i));

  const name: (string | null)[] = new Array(n).fill(null);
  const region: (string | null)[] = new Array(n).fill(null);
  const output: (number | null)[] = new Array(n).fill(null);
  const aboveScale: (boolean | null)[] = new Array(n).fill(null);
  const tags: (string[] | null)[] = new Array(n).fill(null);
  const local = new Uint8Array(n);
  const leaderTag = new Uint8Array(n);
  // Tag lists and regions repeat (a handful of values): one array or string per value, not one per enterprise.
  const tagSets = new Map<string, string[]>();
  const regions = new Map<string, string>();
  const areaIds: string[] = [];
  const areaIndex = new Map<string, number>();
  const locStart = new Int32Array(n + 1);
  const locList = int32s();
  const locProps = int32s();
  // A page's rows come in the engine's order: placed by position first, so LOCATED_IN is listed by enterprise.
  const takeEnterprises = (rows: EnterpriseRead[], at: number) => {
    const byPosition: (EnterpriseRead | undefined)[] = new Array(Math.min(page, n - at));
    for (const e of rows) {
      const i = entIndex.get(e.id);
      if (i !== undefined && i >= at && i < at + byPosition.length) byPosition[i - at] = e;
    }
    for (let k = 0; k < byPosition.length; k++) {
      const i = at + k;
      // An enterprise deleted after the ids were read keeps an empty row (the generation differs, so the graph is not used).
      const e = byPosition[k];
      local[i] = localCode(e?.local);
      if (e) {
        name[i] = e.name;
        region[i] = typeof e.region === 'string' ? (regions.get(e.region) ?? (regions.set(e.region, e.region), e.region)) : e.region;
        output[i] = e.output;
        aboveScale[i] = e.aboveScale;
        if (Array.isArray(e.tags)) {
          const key = JSON.stringify(e.tags);
          let t = tagSets.get(key);
          if (!t) tagSets.set(key, (t = e.tags));
          tags[i] = t;
          if (t.includes('链主')) leaderTag[i] = 1;
        }
        // which of these LOCATED_IN have properties (the explore topology reads those when shown)
        const propertied = e.areaIdsWithProperties?.length ? [...e.areaIdsWithProperties] : null;
        for (const a of e.areaIds) {
          const p = propertied ? propertied.indexOf(a) : -1;
          if (p >= 0) propertied!.splice(p, 1);
          locProps.push(p >= 0 ? 1 : 0);
          let area = areaIndex.get(a);
          if (area === undefined) {
            areaIndex.set(a, (area = areaIds.length));
            areaIds.push(a);
          }
          locList.push(area);
        }
      }
      locStart[i + 1] = locList.length;
    }
  };

  // OPERATES_IN as numbers, in the order read (pages in id order, the engine's order within a page)
  const roles: (string | null)[] = [null];
  const roleCode = new Map<string | null, number>([[null, 0]]);
  const opEnt = int32s();
  const opSeg = int32s();
  const opRole = int32s();
  const takeOperates = (rows: OperatesRead[]) => {
    for (const o of rows) {
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
  };

  // SUPPLIES as numbers as they are read
  const from = int32s();
  const to = int32s();
  const shareOf = float64s();
  const takeSupplies = (rows: SuppliesRead[]) => {
    for (const r of rows) {
      const a = entIndex.get(r.supplier);
      const b = entIndex.get(r.buyer);
      if (a === undefined || b === undefined) continue;
      from.push(a);
      to.push(b);
      shareOf.push(typeof r.share === 'number' ? r.share : NaN);
    }
  };

  // One query after another (the engine runs reads one at a time anyway), each page packed and let go before the next is read.
  let rows = nSeg + n;
  const counted =
    <T>(take: (r: T[]) => void) =>
    (r: T[]) => {
      rows += r.length;
      take(r);
    };
  await readEnterprisePages(store, 'read/projection/enterprises', entIds, takeEnterprises, page);
  await readEnterprisePages(store, 'read/import/operates-in-page', entIds, counted(takeOperates), page);
  await readEnterprisePages(store, 'read/projection/supplies', entIds, counted(takeSupplies), page);
  const t1 = performance.now();

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

  // OPERATES_IN: by enterprise first, then members per segment in enterprise order (ascending ids).
  const [opE, opS, opR] = [opEnt.values(), opSeg.values(), opRole.values()];
  const nOp = opE.length;
  const byEnt = csr(n, nOp, (i) => opE[i]!);
  const opSegOf = gather(new Int32Array(nOp), byEnt.item, (i) => opS[i]!);
  const memberStart = new Int32Array(nSeg + 1);
  for (const s of opS) memberStart[s + 1]! += 1;
  for (let s = 0; s < nSeg; s++) memberStart[s + 1]! += memberStart[s]!;
  const fill = memberStart.slice(0, nSeg);
  const member = new Int32Array(nOp);
  const memberRole = new Uint16Array(nOp);
  const leaderRoleCode = roleCode.get('leader') ?? -1;
  const leaderRole = new Uint8Array(n);
  for (const i of byEnt.item) {
    const at = fill[opS[i]!]!++;
    member[at] = opE[i]!;
    memberRole[at] = opR[i]!;
    if (opR[i] === leaderRoleCode) leaderRole[opE[i]!] = 1;
  }

  // SUPPLIES: by buyer, then by supplier in buyer order, so each supplier's buyers ascend.
  const [f, t, sh] = [from.values(), to.values(), shareOf.values()];
  const m = f.length;
  const bySupplier = csr(n, m, (i) => f[i]!, csr(n, m, (i) => t[i]!).item);
  const outStart = bySupplier.start;
  const outTo = gather(new Int32Array(m), bySupplier.item, (i) => t[i]!);
  const outShare = gather(new Float64Array(m), bySupplier.item, (i) => sh[i]!);

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
      locArea: locList.values().slice(),
      locHasProps: gather(new Uint8Array(locProps.length), locProps.values(), (p) => p),
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
