import { loadavg } from 'node:os';
import { Rng } from '../../server/services/generate/random.ts';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';
import { percentile, round } from './measure.ts';

/**
 * How fast this machine is, right now: a fixed CPU-bound workload in plain JS and
 * one through the engine (a fixed query on a fixed small graph in an in-memory
 * store of its own), timed at the start and the end of every benchmark run. A
 * figure in milliseconds says little without it: machines of one kind differ
 * 2–3× (issue 17), and other load on a shared machine slows both halves.
 */
export interface Calibration {
  /** Median ms of the JS workload (sort 150k numbers, count 50k string keys). */
  jsMs: number;
  /** Median ms of read/bench/calibration on the calibration graph (3,000 nodes, 12,000 SUPPLIES). */
  engineMs: number;
  loadAvg1: number;
  at: string;
}

/**
 * The calibration the targets are quoted against: that of a run on a quiet
 * machine, set when bench/README.md has one (null until then: no run of issue 17
 * was on a quiet machine). The issue's targets hold on a machine within 1.3× of
 * it; `ratio` says how far a run is.
 */
export const REFERENCE: Pick<Calibration, 'jsMs' | 'engineMs'> | null = null;

const NODES = 3000;
const LINKS = 12_000;
const RUNS = 7;

function jsWorkload(): number {
  const rng = new Rng(42);
  const xs = new Float64Array(150_000);
  for (let i = 0; i < xs.length; i++) xs[i] = rng.next();
  xs.sort();
  const counts = new Map<string, number>();
  for (let i = 0; i < 50_000; i++) {
    const key = `k${Math.floor(xs[(i * 7919) % xs.length]! * 50_000)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts.size + xs[xs.length >> 1]!;
}

async function median(fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  await fn(); // warm-up
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return round(
    percentile(
      times.sort((a, b) => a - b),
      50,
    ),
  );
}

let graph: EmbeddedStore | undefined;

async function calibrationGraph(): Promise<EmbeddedStore> {
  if (graph) return graph;
  const store = EmbeddedStore.open(':memory:');
  await store.applySchema();
  const rng = new Rng(7);
  const id = (i: number) => `cal:${i}`;
  const nodes = Array.from({ length: NODES }, (_, i) => ({ id: id(i), output: Math.round(rng.next() * 10_000), local: rng.next() < 0.15 }));
  await store.run('write/bench/calibration-nodes', { rows: nodes });
  const links: { from: string; to: string; share: number }[] = [];
  const seen = new Set<number>();
  while (links.length < LINKS) {
    const a = rng.int(NODES);
    const b = rng.int(NODES);
    if (a === b || seen.has(a * NODES + b)) continue;
    seen.add(a * NODES + b);
    links.push({ from: id(a), to: id(b), share: Math.round(rng.next() * 100) / 100 });
  }
  for (let i = 0; i < links.length; i += 5000) await store.run('write/bench/calibration-links', { rows: links.slice(i, i + 5000) });
  return (graph = store);
}

/** Times both workloads (medians of 7 runs after a warm-up): about a second in all. */
export async function calibrate(): Promise<Calibration> {
  const jsMs = await median(jsWorkload);
  const store = await calibrationGraph();
  const engineMs = await median(() => store.run('read/bench/calibration'));
  return { jsMs, engineMs, loadAvg1: round(loadavg()[0]!, 1), at: new Date().toISOString() };
}

/** Closes the calibration graph (after the run's last calibration). */
export async function closeCalibration(): Promise<void> {
  await graph?.close();
  graph = undefined;
}

/** This calibration relative to REFERENCE (> 1: slower than the reference machine). */
export function ratio(c: Pick<Calibration, 'jsMs' | 'engineMs'>): { js: number; engine: number } | null {
  const ref = REFERENCE as Pick<Calibration, 'jsMs' | 'engineMs'> | null;
  return ref ? { js: round(c.jsMs / ref.jsMs), engine: round(c.engineMs / ref.engineMs) } : null;
}

export function describeCalibration(label: string, c: Calibration): string {
  const r = ratio(c);
  return `calibration (${label}): JS ${c.jsMs} ms, engine ${c.engineMs} ms, load ${c.loadAvg1}${r ? ` — ${r.js}× / ${r.engine}× the reference machine` : ''}`;
}
