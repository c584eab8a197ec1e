import v8 from 'node:v8';
import vm from 'node:vm';
import type { AnalyticGraph } from '../../server/services/projection/analytic-graph.ts';
import { nameIndexReady, readNameIndex } from '../../server/services/projection/name-index-source.ts';
import { projectionReady, readAnalyticsSource } from '../../server/services/projection/projection-registry.ts';
import type { Store } from '../../server/store/store.ts';
import { round } from './measure.ts';

/** What reading a projection out of the store cost. */
interface BuildFigures {
  /** Reading the rows out of the store, then packing them (wall ms). */
  readMs: number;
  buildMs: number;
  wallMs: number;
  cpuMs: number;
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
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function typedBytes(g: AnalyticGraph): number {
  let n = 0;
  for (const part of [g.segments, g.enterprises]) for (const v of Object.values(part)) if (ArrayBuffer.isView(v)) n += v.byteLength;
  return n;
}

/** Reads a projection once more, alone, after a full GC: wall and CPU time, and the heap it added (after another GC). */
async function weigh<T>(read: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number; heapDeltaMb: number }> {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await read();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  gc();
  return { value, wallMs: round(wallMs, 0), cpuMs: round((c.user + c.system) / 1000, 0), heapDeltaMb: mb(process.memoryUsage().heapUsed - heap0) };
}

const mb = (b: number) => round(b / 2 ** 20, 1);

/** Makes the projection current for the operations, then reads it once more alone and says what that cost. */
export async function measureProjection(store: Store): Promise<ProjectionFigures> {
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
      error: 'projection not available for this store',
    };
  }
  // then one more read, alone, to time it and weigh what it adds
  const { value: source, wallMs, cpuMs, heapDeltaMb } = await weigh(() => readAnalyticsSource(store));
  const g = source.graph;
  return {
    rows: g.stats.rows,
    readMs: round(g.stats.readMs, 0),
    buildMs: round(g.stats.buildMs, 0),
    wallMs,
    cpuMs,
    typedArrayMb: mb(typedBytes(g)),
    heapDeltaMb,
    rssMbAfter: mb(process.memoryUsage().rss),
    peakRssMb: round(process.resourceUsage().maxRSS / 1024, 0),
    enterprises: g.enterprises.ids.length,
    supplies: g.enterprises.outTo.length,
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
export async function measureNameIndex(store: Store): Promise<NameIndexFigures> {
  if (!(await nameIndexReady(store))) {
    const unknown = { readMs: NaN, buildMs: NaN, wallMs: NaN, cpuMs: NaN, typedArrayMb: NaN, heapDeltaMb: NaN };
    return { nodes: 0, grams: 0, postings: 0, ...unknown, error: 'name index not available for this store' };
  }
  const { value: source, wallMs, cpuMs, heapDeltaMb } = await weigh(() => readNameIndex(store));
  const { stats } = source.index;
  return {
    nodes: stats.nodes,
    grams: stats.grams,
    postings: stats.postings,
    readMs: round(source.readMs, 0),
    buildMs: round(stats.buildMs, 0),
    wallMs,
    cpuMs,
    typedArrayMb: mb(stats.bytes),
    heapDeltaMb,
  };
}

export function describeNameIndex(n: NameIndexFigures): string {
  if (n.error) return `name index: ${n.error}`;
  return `name index: ${n.nodes} nodes, ${n.grams} grams, ${n.postings} postings read in ${n.readMs} ms, built in ${n.buildMs} ms (wall ${n.wallMs} ms, CPU ${n.cpuMs} ms); typed arrays ${n.typedArrayMb} MB, heap +${n.heapDeltaMb} MB after GC`;
}

export function describeProjection(p: ProjectionFigures): string {
  if (p.error) return `projection: ${p.error}`;
  return `projection: ${p.enterprises} enterprises, ${p.supplies} supplies (${p.rows} rows) read in ${p.readMs} ms, packed in ${p.buildMs} ms (wall ${p.wallMs} ms, CPU ${p.cpuMs} ms); typed arrays ${p.typedArrayMb} MB, heap +${p.heapDeltaMb} MB after GC, RSS ${p.rssMbAfter} MB (peak so far ${p.peakRssMb} MB)`;
}
