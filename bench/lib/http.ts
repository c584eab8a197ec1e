import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { processMemoryMb, round } from './measure.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningServer {
  child: ChildProcess;
  url: string;
  startupMs: number;
  /** Peak resident set (VmHWM) of the server process so far, in MB. */
  peakRssMb(): number | undefined;
  /** CPU time (user + system) the server process has used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
  /** Waits up to `ms` for the server's output to match; the match, or null. */
  waitForOutput(pattern: RegExp, ms: number): Promise<string | null>;
}

/** Starts the real server (server/main.ts, no seeding) on a free port against an existing data dir; `env` adds settings (limits off by default). */
export function startServer(store: string, dataDir: string, env: Record<string, string> = { RATE_LIMIT: '0', COST_BUDGET: '0' }): Promise<RunningServer> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--store', store, '--data-dir', dataDir, '--port', '0', '--no-seed'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Default: no rate limit nor cost budget: the load test is one client at 16 connections (the defaults would answer 429).
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s:\n${output}`)), 120_000);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /http:\/\/([^/\s]+)\//.exec(output);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr!.resume();
      resolve({
        waitForOutput: async (pattern, ms) => {
          const until = performance.now() + ms;
          while (!pattern.test(output) && performance.now() < until) await new Promise((r) => setTimeout(r, 100));
          return pattern.exec(output)?.[0] ?? null;
        },
        child,
        url: `http://${m[1]}/graphql`,
        startupMs: round(performance.now() - t0, 0),
        peakRssMb: () => processMemoryMb(child.pid!),
        cpuMs: () => {
          const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
          return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime in clock ticks (USER_HZ 100)
        },
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  });
}

export interface LoadResult {
  name: string;
  connections: number;
  durationS: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  non2xx: number;
  responseBytes: number;
  /** Server CPU time per request during the measured run (ms): throughput = cores × 1000 / this when CPU-bound. */
  serverCpuMsPerRequest?: number;
  /** This query's throughput divided by the trivial `{ __typename }` one of the same run. */
  ratioToTrivial?: number;
  error?: string;
}

/** One POST first (must answer without GraphQL errors), then autocannon at `connections` for `durationS` seconds. */
export async function loadTest(
  url: string,
  name: string,
  query: string,
  variables: Record<string, unknown> = {},
  connections = 16,
  durationS = 8,
): Promise<LoadResult> {
  const body = JSON.stringify({ query, variables });
  const check = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(60_000) });
  const text = await check.text();
  const json = JSON.parse(text) as { errors?: { message: string }[] };
  if (!check.ok || json.errors) throw new Error(`${name}: ${check.status} ${text.slice(0, 400)}`);
  // A minute before a request counts as timed out: a slow store (Neo4j at tier M answers gapAnalysis of all
  // chains in ~1.4 s alone) queues 16 connections for longer than autocannon's default 10 s.
  const options = { url, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body, connections, timeout: 60 };
  await autocannon({ ...options, duration: 2 }); // warm-up: JIT, plan caches
  const result = await autocannon({ ...options, duration: durationS });
  return {
    name,
    connections,
    durationS,
    requestsPerSec: round(result.requests.average, 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    responseBytes: text.length,
  };
}
