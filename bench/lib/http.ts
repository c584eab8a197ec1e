import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { processCpuMs, processMemoryMb, round } from './measure.ts';
import type { ServerTiming } from './server-timing.ts';

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
  /** The server's own request times and event-loop delay since the last call (server-timing.ts); the first call starts the count. */
  timing(): Promise<ServerTiming | null>;
}

/**
 * Node's flags and the environment as `npm start` gives them (package.json): the server is measured as it runs. A
 * young generation of 32 MB: a neighbourhood of 2000 elements allocates a few MB, and with the default 16 MB much of it
 * outlived a collection and was copied (~10 % of the CPU of an uncached neighbourhood); with 64 MB each collection
 * held the event loop longer (bench/README.md, "Round six"). The allocator's settings
 * (`NAME=value` after `cross-env`, which sets them on every platform): bench/README.md, "Tier L after round five".
 */
const START_WORDS = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
/** `BENCH_SERVER_FLAGS` adds Node/V8 flags to the benchmarked server only (e.g. `--trace-gc`), for a closer look at a run. */
const START_FLAGS = [...START_WORDS.filter((arg) => arg.startsWith('--')), ...(process.env.BENCH_SERVER_FLAGS?.split(/\s+/).filter(Boolean) ?? [])];
const START_ENV = Object.fromEntries(
  START_WORDS.filter((w) => /^[A-Z_][A-Z0-9_]*=/.test(w)).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]),
);

/** Starts the real server (server/main.ts, no seeding) on a free port against an existing data dir; `env` adds settings (limits off by default). */
export function startServer(store: string, dataDir: string, env: Record<string, string> = { RATE_LIMIT: '0', COST_BUDGET: '0' }): Promise<RunningServer> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...START_FLAGS,
      '--import',
      'tsx',
      '--import',
      './bench/lib/server-timing.ts',
      'server/main.ts',
      '--store',
      store,
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--no-seed',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Default: no rate limit nor cost budget: the load test is one client at 16 connections (the defaults would answer 429).
      env: { ...process.env, ...START_ENV, NODE_ENV: 'production', ...env },
    },
  );
  let output = '';
  const waitForOutput = async (pattern: RegExp, ms: number) => {
    const until = performance.now() + ms;
    while (!pattern.test(output) && performance.now() < until) await new Promise((r) => setTimeout(r, 100));
    return pattern.exec(output)?.[0] ?? null;
  };
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
        waitForOutput,
        timing: async () => {
          const from = output.length;
          child.kill('SIGUSR2');
          const until = performance.now() + 5000;
          let m: RegExpExecArray | null = null;
          while (!(m = /server-timing (\{[^\n]*\})\n/.exec(output.slice(from))) && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
          return m ? (JSON.parse(m[1]!) as ServerTiming) : null;
        },
        child,
        url: `http://${m[1]}/graphql`,
        startupMs: round(performance.now() - t0, 0),
        peakRssMb: () => processMemoryMb(child.pid!),
        cpuMs: () => processCpuMs(child.pid!) ?? NaN,
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
  /** CPU time of the store's own process per request (Neo4j's Java process), where the store runs apart from the server. */
  storeCpuMsPerRequest?: number;
  /** This query's throughput divided by the trivial `{ __typename }` one of the same run. */
  ratioToTrivial?: number;
  /** How many different variable sets the requests cycled through (more than the response cache keeps: uncached). */
  variants?: number;
  /** The same run as the server saw it (server-timing.ts): its own request times, /healthz's, and its event loop's delay. */
  atServer?: ServerTiming;
  /** GET /healthz one at a time (20 ms apart: ~400 in 8 s, enough for a p99 that is not just the largest two) during the measured run: what a load balancer sees meanwhile. */
  healthz?: { probes: number; p50Ms: number; p99Ms: number; maxMs: number; failures: number };
  error?: string;
}

/** Percentile of sorted values (nearest rank). */
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/**
 * The prober's loop, run in a worker thread of its own: this process's main thread is busy with the load
 * generator (autocannon parses every answer), which would delay the probes' own callbacks and count as the
 * server's time. Plain JavaScript (a worker evaluates it as is); posts the latencies when told to stop.
 */
const PROBER = `
const { parentPort, workerData } = require('node:worker_threads');
let done = false;
parentPort.once('message', () => (done = true));
(async () => {
  const times = [];
  let failures = 0;
  while (!done) {
    const t0 = performance.now();
    try {
      const res = await fetch(workerData.url, { signal: AbortSignal.timeout(10000) });
      await res.arrayBuffer();
      if (!res.ok) failures += 1;
    } catch {
      failures += 1;
    }
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  parentPort.postMessage({ times, failures });
})();
`;

/** Polls `url` one request at a time (from a worker thread) until `stop` resolves; latencies in ms. */
async function probe(url: string, stop: Promise<unknown>): Promise<NonNullable<LoadResult['healthz']>> {
  const worker = new Worker(PROBER, { eval: true, workerData: { url } });
  const answer = new Promise<{ times: number[]; failures: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await stop;
  worker.postMessage('stop');
  const { times, failures } = await answer;
  await worker.terminate();
  times.sort((a, b) => a - b);
  return {
    probes: times.length,
    p50Ms: round(percentile(times, 50), 1),
    p99Ms: round(percentile(times, 99), 1),
    maxMs: round(times.at(-1) ?? NaN, 1),
    failures,
  };
}

/**
 * One POST first (must answer without GraphQL errors), then autocannon at
 * `connections` for `durationS` seconds, cycling through `variables` (one set:
 * the same request every time). With `healthzUrl`, /healthz is probed during
 * the measured run, from a worker thread (the load generator's parsing does
 * not delay the probes; the machine's two cores are still shared with it).
 */
export async function loadTest(
  url: string,
  name: string,
  query: string,
  variables: Record<string, unknown>[] = [{}],
  {
    connections = 16,
    durationS = 8,
    healthzUrl,
    server,
  }: { connections?: number; durationS?: number; healthzUrl?: string; server?: Pick<RunningServer, 'timing'> } = {},
): Promise<LoadResult> {
  const bodies = variables.map((v) => JSON.stringify({ query, variables: v }));
  const body = bodies[0]!;
  const check = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(60_000) });
  const text = await check.text();
  const json = JSON.parse(text) as { errors?: { message: string }[] };
  if (!check.ok || json.errors) throw new Error(`${name}: ${check.status} ${text.slice(0, 400)}`);
  let next = 0;
  // A minute before a request counts as timed out: a slow store (Neo4j at tier M answers gapAnalysis of all
  // chains in ~1.4 s alone) queues 16 connections for longer than autocannon's default 10 s.
  const options = {
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    timeout: 60,
    ...(bodies.length > 1 ? { requests: [{ setupRequest: (req: object) => ({ ...req, body: bodies[next++ % bodies.length] }) }] } : {}),
  };
  await autocannon({ ...options, duration: 2 }); // warm-up: JIT, plan caches
  await server?.timing(); // the server counts from here
  const measured = autocannon({ ...options, duration: durationS });
  const healthz = healthzUrl ? await probe(healthzUrl, measured) : undefined;
  const result = await measured;
  const atServer = (await server?.timing()) ?? undefined;
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
    ...(bodies.length > 1 ? { variants: bodies.length } : {}),
    ...(healthz ? { healthz } : {}),
    ...(atServer ? { atServer } : {}),
  };
}
