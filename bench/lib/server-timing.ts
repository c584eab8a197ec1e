/**
 * Loaded into the server the benchmark starts (`--import`), never into the product. It times each request at
 * the server, from its headers read to its answer handed to the socket, and samples the event loop's delay:
 * on a two-core machine the load generator competes with the server for the CPU, and its own latencies then
 * include the time it waited for a core. `SIGUSR2` prints one line `server-timing {json}` with the figures
 * since the last signal, and starts counting again.
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface ServerTiming {
  /** GraphQL (any path but /healthz): requests, p50, p99 and max in ms. */
  graphql: { requests: number; p50Ms: number; p99Ms: number; maxMs: number };
  healthz: { requests: number; p50Ms: number; p99Ms: number; maxMs: number };
  /** How late the event loop ran a 1 ms timer (a turn held by work): p50, p99, max in ms. */
  loopDelay: { p50Ms: number; p99Ms: number; maxMs: number };
}

const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
let graphql: number[] = [];
let healthz: number[] = [];

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
  if (event === 'request') {
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    const t0 = performance.now();
    const into = req.url?.startsWith('/healthz') ? healthz : graphql;
    res.once('finish', () => into.push(performance.now() - t0));
  }
  return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
};

const ms = (ns: number) => Math.round(ns / 1e4) / 100;
function summary(times: number[]) {
  const sorted = times.sort((a, b) => a - b);
  const at = (p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN) * 10) / 10;
  return { requests: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
}

process.on('SIGUSR2', () => {
  const figures: ServerTiming = {
    graphql: summary(graphql),
    healthz: summary(healthz),
    loopDelay: { p50Ms: ms(loop.percentile(50)), p99Ms: ms(loop.percentile(99)), maxMs: ms(loop.max) },
  };
  graphql = [];
  healthz = [];
  loop.reset();
  console.log(`server-timing ${JSON.stringify(figures)}`);
});
