/** Timing helpers for the benchmark: warm-up, repeated runs, percentiles, process memory. */
import { readFileSync } from 'node:fs';

/** A process's resident memory now (VmRSS) or at its peak (VmHWM), in MB; undefined when /proc cannot tell (the process is gone, not Linux). */
export function processMemoryMb(pid: number | 'self', field: 'VmRSS' | 'VmHWM' = 'VmHWM'): number | undefined {
  try {
    const kb = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system, all threads) a process has used so far, in ms; undefined when /proc cannot tell. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime in clock ticks (USER_HZ 100)
  } catch {
    return undefined;
  }
}

export interface OpResult {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Median CPU time (user + system, all threads of this process) per run: the figure the other load on a shared machine disturbs least. */
  cpuMedianMs: number;
  /**
   * Median CPU time per run of the store's own process (Neo4j's Java process, NEO4J_PID), where the store's
   * work is done; 10 ms ticks, so short operations read 0 or 10. Absent for the embedded store (it runs in this process).
   */
  storeCpuMedianMs?: number;
  /** Rows (items) the operation returned on its last run. */
  rows: number;
  /** The target from bench/README.md (median unless said), if any. */
  targetMs?: number;
  note?: string;
  error?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface MeasureOptions {
  warmup?: number;
  minRuns?: number;
  maxRuns?: number;
  /** Stop after this much time once minRuns are done. */
  budgetMs?: number;
  targetMs?: number;
  note?: string;
  /** The store's own process's CPU so far (ms), when it runs in another process: see OpResult.storeCpuMedianMs. */
  storeCpuMs?: () => number | undefined;
}

/** Runs `fn(i)` warmup times, then until maxRuns or the budget; `fn` returns the number of rows it got. */
export async function measure(name: string, fn: (i: number) => Promise<number>, o: MeasureOptions = {}): Promise<OpResult> {
  const { warmup = 3, minRuns = 5, maxRuns = 50, budgetMs = 8000 } = o;
  const times: number[] = [];
  const cpu: number[] = [];
  const storeCpu: number[] = [];
  let rows = 0;
  try {
    for (let i = 0; i < warmup; i++) rows = await fn(i);
    const start = performance.now();
    for (let i = 0; i < maxRuns; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      const s0 = o.storeCpuMs?.();
      rows = await fn(warmup + i);
      times.push(performance.now() - t);
      const dc = process.cpuUsage(c);
      cpu.push((dc.user + dc.system) / 1000);
      const s1 = o.storeCpuMs?.();
      if (s0 !== undefined && s1 !== undefined) storeCpu.push(s1 - s0);
      if (times.length >= minRuns && performance.now() - start > budgetMs) break;
    }
  } catch (e) {
    return {
      name,
      runs: times.length,
      medianMs: NaN,
      p95Ms: NaN,
      maxMs: NaN,
      cpuMedianMs: NaN,
      rows,
      targetMs: o.targetMs,
      note: o.note,
      error: (e as Error).message.slice(0, 300),
    };
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  storeCpu.sort((a, b) => a - b);
  return {
    name,
    runs: times.length,
    medianMs: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(times[times.length - 1]!),
    cpuMedianMs: round(percentile(cpu, 50)),
    ...(storeCpu.length ? { storeCpuMedianMs: round(percentile(storeCpu, 50)) } : {}),
    rows,
    targetMs: o.targetMs,
    note: o.note,
  };
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A plain-text table (also valid Markdown). */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows].map((r) => r.map((c) => String(c)));
  const width = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c + ' '.repeat(width[i]! - [...c].length)).join(' | ') + ' |';
  return [line(cells[0]!), '|' + width.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...cells.slice(1).map(line)].join('\n');
}
