import v8 from 'node:v8';
import vm from 'node:vm';
import { nameIndexReady, readNameIndex } from '../../server/services/projection/name-index-source.ts';
import { projectionReady, readAnalyticsSource } from '../../server/services/projection/projection-registry.ts';
import { projectionEnabled } from '../../server/services/projection/projection-lifecycle.ts';
import type { Store } from '../../server/store/store.ts';
import { round } from './measure.ts';

/** What reading a projection out of the store cost. */
interface BuildFigures {
  /** Reading the rows out of the store, then packing them (wall ms). */
  readMs: number;
  buildMs: number;
  wallMs: number;
  cpuMs: number;
  /** CPU of the store's own process during the read (Neo4j's Java process, NEO4J_PID); absent for the embedded store, which runs in this one. */
  storeCpuMs?: number;
  /** Bytes of its typed arrays (exact) and the heap it added (after a full GC: strings, maps and lists too). */
  typedArrayMb: number;
  heapDeltaMb: number;
  error?: string;
}

/** Build time and memory of the analytics projection (server/services/projection/projection-registry.ts) on the loaded store. */
export interface ProjectionFigures extends BuildFigures {
  rows: number;
  rssMbAfter: number;
  /** Peak RSS of the process so far (the read's rows are transient). */
  peakRssMb: number;
  enterprises: number;
  supplies: number;
  /** The explorable graph's topology (neighbourhood): nodes, relationships, its read and pack (wall ms) and typed arrays; part of the figures above. */
  explore?: { nodes: number; relationships: number; readMs: number; buildMs: number; typedArrayMb: number } | null;
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function typedBytes(...parts: object[]): number {
  let n = 0;
  for (const part of parts) for (const v of Object.values(part)) if (ArrayBuffer.isView(v)) n += v.byteLength;
  return n;
}

/** Reads a projection once more, alone, after a full GC: wall and CPU time, and the heap it added (after another GC). */
async function weigh<T>(
  read: () => Promise<T>,
  storeCpuMs?: () => number | undefined,
): Promise<{ value: T; wallMs: number; cpuMs: number; storeCpuMs?: number; heapDeltaMb: number }> {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const s0 = storeCpuMs?.();
  const value = await read();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const s1 = storeCpuMs?.();
  gc();
  return {
    value,
    wallMs: round(wallMs, 0),
    cpuMs: round((c.user + c.system) / 1000, 0),
    ...(s0 !== undefined && s1 !== undefined ? { storeCpuMs: round(s1 - s0, 0) } : {}),
    heapDeltaMb: mb(process.memoryUsage().heapUsed - heap0),
  };
}

/** Why a projection is not there: off for this store (Neo4j without ANALYTICS_PROJECTION=on), or every read was overtaken by a write. */
const unavailable = (store: Store) =>
  projectionEnabled(store) ? 'not read: a write committed during each read, or the read failed' : 'off for this store (Neo4j without ANALYTICS_PROJECTION=on)';

const mb = (b: number) => round(b / 2 ** 20, 1);

/** Makes the projection current for the operations, then reads it once more alone and says what that cost. */
export async function measureProjection(store: Store, storeCpuMs?: () => number | undefined): Promise<ProjectionFigures> {
  // the registry's own projection first (the operations use it; choosing the inputs may have started it)
  const ready = await projectionReady(store);
  if (!ready) {
    return {
      rows: 0,
      readMs: NaN,
      buildMs: NaN,
      wallMs: NaN,
      cpuMs: NaN,
      typedArrayMb: NaN,
      heapDeltaMb: NaN,
      rssMbAfter: mb(process.memoryUsage().rss),
      peakRssMb: NaN,
      enterprises: 0,
      supplies: 0,
      error: unavailable(store),
    };
  }
  // then one more read, alone, to time it and weigh what it adds
  const { value: source, heapDeltaMb, ...times } = await weigh(() => readAnalyticsSource(store), storeCpuMs);
  const g = source.graph;
  const x = source.explore;
  return {
    rows: g.stats.rows,
    readMs: round(g.stats.readMs, 0),
    buildMs: round(g.stats.buildMs, 0),
    ...times,
    typedArrayMb: mb(typedBytes(g.segments, g.enterprises, ...(x ? [x] : []))),
    heapDeltaMb,
    rssMbAfter: mb(process.memoryUsage().rss),
    peakRssMb: round(process.resourceUsage().maxRSS / 1024, 0),
    enterprises: g.enterprises.ids.length,
    supplies: g.enterprises.outTo.length,
    explore: x && {
      nodes: x.stats.nodes,
      relationships: x.stats.relationships,
      readMs: round(x.stats.readMs, 0),
      buildMs: round(x.stats.buildMs, 0),
      typedArrayMb: mb(typedBytes(x)),
    },
  };
}

/** Build time and memory of the search's name index (server/services/projection/name-index.ts) on the loaded store. */
export interface NameIndexFigures extends BuildFigures {
  /** Enterprises, segments, chains and units indexed. */
  nodes: number;
  grams: number;
  postings: number;
}

/** Makes the name index current for the operations, then reads it once more alone and says what that cost. */
export async function measureNameIndex(store: Store, storeCpuMs?: () => number | undefined): Promise<NameIndexFigures> {
  if (!(await nameIndexReady(store))) {
    const unknown = { readMs: NaN, buildMs: NaN, wallMs: NaN, cpuMs: NaN, typedArrayMb: NaN, heapDeltaMb: NaN };
    return { nodes: 0, grams: 0, postings: 0, ...unknown, error: unavailable(store) };
  }
  const { value: source, heapDeltaMb, ...times } = await weigh(() => readNameIndex(store), storeCpuMs);
  const { stats } = source.index;
  return {
    nodes: stats.nodes,
    grams: stats.grams,
    postings: stats.postings,
    readMs: round(source.readMs, 0),
    buildMs: round(stats.buildMs, 0),
    ...times,
    typedArrayMb: mb(stats.bytes),
    heapDeltaMb,
  };
}

const storeCpu = (f: BuildFigures) => (f.storeCpuMs === undefined ? '' : `; the store's process ${f.storeCpuMs} ms`);

export function describeNameIndex(n: NameIndexFigures): string {
  if (n.error) return `name index: ${n.error}`;
  return `name index: ${n.nodes} nodes, ${n.grams} grams, ${n.postings} postings read in ${n.readMs} ms, built in ${n.buildMs} ms (wall ${n.wallMs} ms, CPU ${n.cpuMs} ms${storeCpu(n)}); typed arrays ${n.typedArrayMb} MB, heap +${n.heapDeltaMb} MB after GC`;
}

export function describeProjection(p: ProjectionFigures): string {
  if (p.error) return `projection: ${p.error}`;
  return `projection: ${p.enterprises} enterprises, ${p.supplies} supplies (${p.rows} rows) read in ${p.readMs} ms, packed in ${p.buildMs} ms (wall ${p.wallMs} ms, CPU ${p.cpuMs} ms${storeCpu(p)}); typed arrays ${p.typedArrayMb} MB, heap +${p.heapDeltaMb} MB after GC, RSS ${p.rssMbAfter} MB (peak so far ${p.peakRssMb} MB)${
    p.explore
      ? `; of which the explorable topology: ${p.explore.nodes} nodes, ${p.explore.relationships} relationships read in ${p.explore.readMs} ms, packed in ${p.explore.buildMs} ms, typed arrays ${p.explore.typedArrayMb} MB`
      : p.explore === null
        ? '; explorable topology not served (see buildExploreGraph)'
        : ''
  }`;
}
