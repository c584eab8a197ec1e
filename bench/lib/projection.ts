import v8 from 'node:v8';
import vm from 'node:vm';
import { projectionReady, readAnalyticsSource } from '../../server/services/projection/projection-registry.ts';
import type { Store } from '../../server/store/store.ts';
import { round } from './measure.ts';

/** Build time and memory of the analytics projection (server/services/projection) on the loaded store. */
export interface ProjectionFigures {
  rows: number;
  /** Reading the rows out of the store, then packing them (wall ms). */
  readMs: number;
  buildMs: number;
  wallMs: number;
  cpuMs: number;
  /** Bytes of its typed arrays (exact) and the heap it added (after a full GC: strings, maps and lists too). */
  typedArrayMb: number;
  heapDeltaMb: number;
  rssMbAfter: number;
  /** Peak RSS of the process so far (the read's rows are transient). */
  peakRssMb: number;
  enterprises: number;
  supplies: number;
  /** The explorable graph's topology (neighbourhood): nodes, relationships, its read and pack (wall ms) and typed arrays; part of the figures above. */
  explore?: { nodes: number; relationships: number; readMs: number; buildMs: number; typedArrayMb: number } | null;
  error?: string;
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function typedBytes(...parts: object[]): number {
  let n = 0;
  for (const part of parts) for (const v of Object.values(part)) if (ArrayBuffer.isView(v)) n += v.byteLength;
  return n;
}

/** Makes the projection current for the operations, then reads it once more alone and says what that cost. */
export async function measureProjection(store: Store): Promise<ProjectionFigures> {
  // the registry's own projection first (the operations use it; choosing the inputs may have started it)
  const ready = await projectionReady(store);
  const mb = (b: number) => round(b / 2 ** 20, 1);
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
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const source = await readAnalyticsSource(store);
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  gc();
  const g = source.graph;
  const x = source.explore;
  return {
    rows: g.stats.rows,
    readMs: round(g.stats.readMs, 0),
    buildMs: round(g.stats.buildMs, 0),
    wallMs: round(wallMs, 0),
    cpuMs: round((c.user + c.system) / 1000, 0),
    typedArrayMb: mb(typedBytes(g.segments, g.enterprises, ...(x ? [x] : []))),
    heapDeltaMb: mb(process.memoryUsage().heapUsed - heap0),
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

export function describeProjection(p: ProjectionFigures): string {
  if (p.error) return `projection: ${p.error}`;
  return `projection: ${p.enterprises} enterprises, ${p.supplies} supplies (${p.rows} rows) read in ${p.readMs} ms, packed in ${p.buildMs} ms (wall ${p.wallMs} ms, CPU ${p.cpuMs} ms); typed arrays ${p.typedArrayMb} MB, heap +${p.heapDeltaMb} MB after GC, RSS ${p.rssMbAfter} MB (peak so far ${p.peakRssMb} MB)${
    p.explore
      ? `; of which the explorable topology: ${p.explore.nodes} nodes, ${p.explore.relationships} relationships read in ${p.explore.readMs} ms, packed in ${p.explore.buildMs} ms, typed arrays ${p.explore.typedArrayMb} MB`
      : p.explore === null
        ? '; explorable topology not served (see buildExploreGraph)'
        : ''
  }`;
}
